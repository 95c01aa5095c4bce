/**
 * `pnpm mock`: every declared provider's Prism mock in this one process, each on its fixed port, until a signal.
 */
import { declaredProviders } from "@sessionkit/mocks/ports";
import { bootMocks, mockTable, readyLine } from "./mock-boot";
import { UsageError, parseMockArgs } from "./mock-options";
import { type OutputStream, createProgress } from "./mock-progress";
import { exitOnSignal } from "./mock-shutdown";

export function mockUsage(): string {
  return `Usage: pnpm mock [provider...] [options]

Boots a Prism mock server for each provider (default: all of them) in one process, each on its fixed port from
mocks/ports.json, and prints provider → URL once every server answers. Ctrl-C stops them all.

Providers: ${declaredProviders().join(", ")}

Options:
  --port <provider>=<port>  serve a provider on another port (repeatable; 0 = any free port)
  --dynamic                 answer with data generated from the schemas instead of the spec's examples
  --errors                  turn responses that break the spec into 500s (like \`prism mock --errors\`)
  -h, --help                show this help

Environment:
  SESSIONKIT_MOCK_PORT_<PROVIDER>=<port>  like --port (--port wins), e.g. SESSIONKIT_MOCK_PORT_KOYEB=4110
  CI=true                                 plain progress lines: no spinner, no colours

Responses come from the examples in specs/<provider>.yaml, with mocks/overrides/<provider>.yaml merged over them.
Pick another documented response per request with \`Prefer: code=401\` (see mocks/README.md).
`;
}

export interface CommandIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
}

/**
 * Boots, prints the table, then waits for SIGINT/SIGTERM/SIGHUP (which exits the process with 0 after stopping
 * the mocks). Returns an exit code only when it never got that far: 2 for a bad command line, 1 for a failed boot.
 */
export async function runMockCommand(argv: string[], io: CommandIo): Promise<number> {
  let command: ReturnType<typeof parseMockArgs>;
  try {
    command = parseMockArgs(argv, io.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`pnpm mock: ${err.message}\nRun \`pnpm mock --help\` for usage.\n`);
    return 2;
  }
  if (command.help) {
    io.stdout.write(mockUsage());
    return 0;
  }

  const progress = createProgress(io.stdout, io.env);
  let booted: Awaited<ReturnType<typeof bootMocks>> | undefined;
  // Installed before booting: a Ctrl-C while Prism loads must also restore the cursor and stop what started.
  exitOnSignal({
    cleanup: async () => {
      progress.stop();
      io.stdout.write("stopping the mocks\n");
      await booted?.close();
    },
  });

  try {
    booted = await bootMocks(command, progress);
  } catch (err) {
    progress.stop();
    // A busy port (PortInUseError) or a spec Prism can't load: the message says it all, a stack trace adds nothing.
    io.stderr.write(`pnpm mock: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  progress.line();
  progress.line(mockTable(booted, command));
  progress.line();
  progress.line(`${readyLine(booted)}. Ctrl-C stops them all.`);
  progress.stop();
  return new Promise<number>(() => {}); // runs until a signal; exitOnSignal ends the process
}
