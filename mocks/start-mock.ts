import { join, resolve } from "node:path";
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";
import { specWithOverrides } from "./overrides";
import { mockPort } from "./ports";

export const SPECS_DIR = resolve(__dirname, "..", "specs");

export interface MockOptions {
  /** 0 picks a free port (tests); default: the provider's fixed port from ports.json. */
  port?: number;
  host?: string;
  /** Prism's generated data instead of the spec's examples. */
  dynamic?: boolean;
  /** Turn spec violations in responses into 500s (`prism mock --errors`). */
  errors?: boolean;
  specFile?: string;
}

export interface RunningMock {
  provider: string;
  url: string;
  close(): Promise<void>;
}

/** A port someone else holds; the message names the provider and the way out. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
  constructor(
    readonly provider: string,
    readonly port: number,
  ) {
    super(
      `port ${port} for the ${provider} mock is already in use; free it, or pick another with ` +
        `SESSIONKIT_MOCK_PORT_${provider.toUpperCase()}=<port> or \`pnpm mock --port ${provider}=<port>\``,
    );
  }
}

/**
 * Boots Prism in this process from specs/<provider>.yaml (plus mocks/overrides/). In-process rather than a
 * child per provider: one process to stop on Ctrl-C, so nothing is ever orphaned, and ~20 ms per extra server.
 */
export async function startMock(provider: string, options: MockOptions = {}): Promise<RunningMock> {
  const specFile = options.specFile ?? join(SPECS_DIR, `${provider}.yaml`);
  const operations = await getHttpOperationsFromSpec(specWithOverrides(specFile, provider));
  const server = createServer(operations, {
    components: { logger: createLogger("sessionkit-mock", { level: "silent" } as never) },
    cors: false,
    config: {
      checkSecurity: true,
      validateRequest: true,
      validateResponse: true,
      mock: { dynamic: options.dynamic ?? false },
      isProxy: false,
      errors: options.errors ?? false,
    } as never,
  });
  const port = options.port ?? mockPort(provider);
  const host = options.host ?? "127.0.0.1";
  let url: string;
  try {
    url = await server.listen(port, host);
  } catch (err) {
    // Prism's listen() rejects with the error's message (a string), not the Error itself: recognise both.
    const message = typeof err === "string" ? err : undefined;
    if ((err as NodeJS.ErrnoException)?.code === "EADDRINUSE" || message?.includes("EADDRINUSE"))
      throw new PortInUseError(provider, port);
    throw message === undefined ? err : new Error(message);
  }
  return { provider, url, close: () => server.close() };
}

/** Starts several mocks; if one fails, the ones already running are stopped before the error is thrown. */
export async function startMocks(
  providers: string[],
  options: Omit<MockOptions, "specFile"> & { ports?: Record<string, number> } = {},
): Promise<RunningMock[]> {
  const running: RunningMock[] = [];
  try {
    for (const provider of providers) {
      running.push(await startMock(provider, { ...options, port: options.ports?.[provider] ?? options.port }));
    }
    return running;
  } catch (err) {
    await Promise.allSettled(running.map((m) => m.close()));
    throw err;
  }
}
