// jest's sandbox hands tests a copy of `process` whose events never fire, so a suite cannot see unhandled
// rejections itself. This environment exposes the host process (read by support/unhandled.ts) and nothing else.
const { TestEnvironment } = require("jest-environment-node");

class ReliabilityEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__hostProcess = process;
  }
}

module.exports = ReliabilityEnvironment;
