// The suite runs the provider packages' source (not dist/) so that it always tests what is in the tree.
const packages = "<rootDir>/../../packages";
module.exports = {
  ...require("../../jest.preset.cjs"),
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testEnvironment: "<rootDir>/support/environment.cjs",
  setupFilesAfterEnv: ["<rootDir>/support/unhandled.ts"],
  moduleNameMapper: {
    "^@sessionkit/auth-helpers/errors$": `${packages}/auth-helpers/src/errors.ts`,
    "^@sessionkit/([a-z-]+)$": `${packages}/$1/src/index.ts`,
  },
  // Every test is bounded: a hang is a failure, not a stuck run.
  testTimeout: 10_000,
};
