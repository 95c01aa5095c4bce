/**
 * What `pnpm mock` and `pnpm main` were asked for: which providers, on which ports. Parsed before Prism is
 * loaded so a typo answers instantly, and shared by both commands so they read flags the same way.
 */
import { parseArgs } from "node:util";
import { declaredProviders, mockPort } from "@sessionkit/mocks/ports";

/** A command line that can never work; the commands print the message and exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface MockSelection {
  /** In mocks/ports.json order, without duplicates. */
  providers: string[];
  /** The port each selected provider will listen on (0 = any free port). */
  ports: Record<string, number>;
}

export interface MockCommand extends MockSelection {
  help: boolean;
  dynamic: boolean;
  errors: boolean;
}

/** `[provider...] --port p=n... --dynamic --errors --help`, the flags of `pnpm mock`. */
export function parseMockArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): MockCommand {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: withoutLeadingSeparator(argv),
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: "string", multiple: true },
        dynamic: { type: "boolean" },
        errors: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }),
  );
  const help = values.help === true;
  return {
    ...(help ? { providers: [], ports: {} } : selectMocks(positionals, values.port ?? [], env)),
    help,
    dynamic: values.dynamic === true,
    errors: values.errors === true,
  };
}

/** `pnpm mock -- --help`: npm habit; pnpm 10 passes the `--` through, and parseArgs would read the rest as names. */
export function withoutLeadingSeparator(argv: string[]): string[] {
  return argv[0] === "--" ? argv.slice(1) : argv;
}

/** util.parseArgs's errors (unknown option, missing value) are usage errors. */
export function asUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/**
 * The providers named (all declared ones when none is) and their ports: `--port` first, then
 * SESSIONKIT_MOCK_PORT_<PROVIDER>, then mocks/ports.json (the last two through mocks' own mockPort).
 */
export function selectMocks(named: string[], portFlags: string[], env: NodeJS.ProcessEnv = process.env): MockSelection {
  const known = declaredProviders();
  const unknown = named.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new UsageError(`unknown provider(s): ${unknown.join(", ")} (mocks/ports.json declares: ${known.join(", ")})`);
  }
  const providers = named.length === 0 ? known : known.filter((p) => named.includes(p));
  const overrides = Object.fromEntries(portFlags.map((flag) => parsePortFlag(flag, known)));
  const ports: Record<string, number> = {};
  for (const provider of providers) {
    try {
      ports[provider] = overrides[provider] ?? mockPort(provider, env);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  rejectSharedPorts(ports);
  return { providers, ports };
}

/** `koyeb=4110` → ["koyeb", 4110]. */
export function parsePortFlag(flag: string, known: string[]): [string, number] {
  const match = /^([a-z0-9-]+)=(\d+)$/i.exec(flag);
  if (!match) throw new UsageError(`--port ${flag}: expected <provider>=<port>, e.g. --port koyeb=4110`);
  const provider = match[1]!.toLowerCase();
  const port = Number(match[2]);
  if (!known.includes(provider))
    throw new UsageError(`--port ${flag}: unknown provider "${provider}" (known: ${known.join(", ")})`);
  if (port > 65535) throw new UsageError(`--port ${flag}: ${port} is not a port number`);
  return [provider, port];
}

/** Two mocks on one port would fail with a misleading "in use" for the second; say what actually clashes. */
function rejectSharedPorts(ports: Record<string, number>): void {
  const byPort = new Map<number, string>();
  for (const [provider, port] of Object.entries(ports)) {
    if (port === 0) continue;
    const other = byPort.get(port);
    if (other)
      throw new UsageError(
        `${other} and ${provider} are both set to port ${port}; give one of them another with --port`,
      );
    byPort.set(port, provider);
  }
}
