/**
 * `pnpm main` after the build: boot the mocks (the same bootMocks as `pnpm mock`), run each provider's session
 * lifecycle through its published package, print a summary. The mocks stop afterwards unless `--serve` asks to
 * keep them up until Ctrl-C; either way they live in this process, so nothing outlives it.
 */
import { parseArgs } from "node:util";
import { declaredProviders } from "@sessionkit/mocks/ports";
import { type BootedMocks, bootMocks, mockTable, readyLine } from "./mock-boot";
import type { CommandIo } from "./mock-cli";
import { UsageError, asUsageError, selectMocks, withoutLeadingSeparator } from "./mock-options";
import { createProgress, formatMs, green, red } from "./mock-progress";
import { exitOnSignal, signalExitCode } from "./mock-shutdown";
import { type ProviderResult, runDemo, summaryTable } from "./demo-runner";
import { DEMOS, demoFor } from "./demo-registry";
import type { ProviderDemo } from "./demo-step";

export function mainUsage(): string {
  return `Usage: pnpm main [provider...] [options]

Builds every package, boots the mock servers (as \`pnpm mock\` does) and runs a session-lifecycle demo for each
provider through its published package (@sessionkit/<provider>): one line per step, then a summary. Exit code 1
if any step fails.

Providers: ${declaredProviders().join(", ")}  (demos so far: ${DEMOS.map((d) => d.provider).join(", ")})

Options:
  --serve                   keep the mocks serving after the demo, until Ctrl-C (default: stop them)
  --port <provider>=<port>  serve a provider's mock on another port (repeatable; 0 = any free port)
  -h, --help                show this help

Environment: SESSIONKIT_MOCK_PORT_<PROVIDER>=<port> (like --port), CI=true (plain lines, no spinner).
`;
}

export interface MainCommand {
  help: boolean;
  serve: boolean;
  providers: string[];
  ports: Record<string, number>;
}

export function parseMainArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): MainCommand {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: withoutLeadingSeparator(argv),
      allowPositionals: true,
      strict: true,
      options: {
        serve: { type: "boolean" },
        port: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    }),
  );
  const help = values.help === true;
  const selection = help ? { providers: [], ports: {} } : selectMocks(positionals, values.port ?? [], env);
  return { help, serve: values.serve === true, ...selection };
}

/** Exit code: 0 all demos passed, 1 a step failed or the mocks did not boot, 2 a bad command line. */
export async function runMainCommand(
  argv: string[],
  io: CommandIo,
  demos: readonly ProviderDemo[] = DEMOS,
): Promise<number> {
  let command: MainCommand;
  try {
    command = parseMainArgs(argv, io.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`pnpm main: ${err.message}\nRun \`pnpm main --help\` for usage.\n`);
    return 2;
  }
  if (command.help) {
    io.stdout.write(mainUsage());
    return 0;
  }

  const progress = createProgress(io.stdout, io.env);
  let booted: BootedMocks | undefined;
  let finished: { failed: boolean } | undefined;
  exitOnSignal({
    cleanup: async () => {
      progress.stop();
      io.stdout.write(finished ? "stopping the mocks\n" : "interrupted: stopping the mocks\n");
      await booted?.close();
    },
    // Serving after the demo, Ctrl-C is the normal end; during the demo it is an interruption.
    exitCode: (signal) => (finished ? (finished.failed ? 1 : 0) : signalExitCode(signal)),
  });

  try {
    booted = await bootMocks(command, progress);
  } catch (err) {
    progress.stop();
    io.stderr.write(`pnpm main: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  progress.line(`${readyLine(booted)}.`);
  progress.line();

  const results: ProviderResult[] = [];
  const demoStartedAt = performance.now();
  const providerWidth = Math.max(...command.providers.map((p) => p.length));
  for (const provider of command.providers) {
    const demo = demoFor(provider, demos);
    results.push(
      demo
        ? await runDemo(demo, booted.urlOf(provider), progress, { failures: io.stderr, providerWidth })
        : { provider, status: "no-demo" },
    );
  }
  const failed = results.filter((r) => r.status === "failed");
  finished = { failed: failed.length > 0 };

  progress.line();
  progress.line(summaryTable(results));
  progress.line();
  progress.line(`${verdict(results, progress.fancy)} (${formatMs(performance.now() - demoStartedAt)})`);

  if (command.serve) {
    progress.line();
    progress.line(mockTable(booted, {}));
    progress.line();
    progress.line("The mocks keep serving (--serve). Ctrl-C stops them.");
    progress.stop();
    return new Promise<number>(() => {}); // until a signal; exitOnSignal exits with the demo's code
  }
  await booted.close();
  progress.line("Mocks stopped; run `pnpm main --serve` to keep them up, or `pnpm mock` for the mocks alone.");
  progress.stop();
  return finished.failed ? 1 : 0;
}

/** `demo passed: koyeb; no demo yet: voximplant, …` or `demo FAILED: koyeb at refreshToken`. */
export function verdict(results: ProviderResult[], fancy = false): string {
  const names = (status: ProviderResult["status"]) => results.filter((r) => r.status === status).map((r) => r.provider);
  const failed = results.flatMap((r) => (r.status === "failed" ? [`${r.provider} at ${r.steps.at(-1)!.step}`] : []));
  const missing = names("no-demo").length > 0 ? `; no demo yet: ${names("no-demo").join(", ")}` : "";
  if (failed.length > 0) return `${red(fancy, `demo FAILED: ${failed.join(", ")}`)}${missing}`;
  if (names("passed").length === 0) return `no demo ran${missing}`;
  return `${green(fancy, `demo passed: ${names("passed").join(", ")}`)}${missing}`;
}
