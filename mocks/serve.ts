/**
 * Child-process entry for contract tests: `node --import tsx mocks/serve.ts <provider> [--dynamic] [--errors]`.
 * Boots the mock on a free loopback port and prints one line `READY {"url":...}`; stops on SIGTERM/SIGINT.
 * Jest can't load Prism in its own module registry (Prism needs require(esm) of faker), so tests run it here.
 */
import { startMock } from "./start-mock";

async function main(): Promise<void> {
  const [provider, ...flags] = process.argv.slice(2);
  if (!provider) throw new Error("usage: serve.ts <provider> [--dynamic] [--errors]");
  const mock = await startMock(provider, {
    port: 0,
    dynamic: flags.includes("--dynamic"),
    errors: flags.includes("--errors"),
  });
  const stop = () => void mock.close().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // The parent going away (a killed jest worker) must not leave this server behind.
  process.stdin.on("end", stop);
  process.stdin.resume();
  process.stdout.write(`READY ${JSON.stringify({ url: mock.url })}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
