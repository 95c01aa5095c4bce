/**
 * The README's main command (`pnpm main`, after `turbo run build`): boots the five mocks and runs each
 * provider's session-lifecycle demo through its published package. See `pnpm main --help`.
 */
import { runMainCommand } from "./lib/demo-cli";

runMainCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`pnpm main: ${err.message}\n`);
    process.exit(1);
  },
);
