/**
 * `pnpm mock [provider...] [--port p=n] [--dynamic] [--errors]`: the Prism mocks for local work, one process,
 * fixed ports (mocks/ports.json). See `pnpm mock --help` and mocks/README.md.
 */
import { runMockCommand } from "./lib/mock-cli";

runMockCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`pnpm mock: ${err.message}\n`);
    process.exit(1);
  },
);
