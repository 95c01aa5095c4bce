/**
 * Ctrl-C, `kill` and a closed terminal all end the runner the same way: stop the mocks, then exit. Every mock
 * lives in this one process, so even if the graceful close is cut short the exit itself frees every port.
 */
import { constants } from "node:os";

export const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];

export interface ExitOnSignalOptions {
  /** Runs once, on the first signal (stop servers, restore the cursor). */
  cleanup(signal: ShutdownSignal): Promise<void> | void;
  /** The exit code for a signal; default 0 (stopping the mocks is the normal way to end `pnpm mock`). */
  exitCode?(signal: ShutdownSignal): number;
  /** A cleanup that hangs must not keep the process (and its ports) alive. */
  timeoutMs?: number;
  exit?(code: number): void;
}

/** Installs the handlers; returns a function that removes them. A second signal exits at once. */
export function exitOnSignal(options: ExitOnSignalOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const handler = (signal: ShutdownSignal) => {
    const code = options.exitCode?.(signal) ?? 0;
    if (stopping) return exit(code);
    stopping = true;
    const timeout = new Promise<void>((r) => setTimeout(r, options.timeoutMs ?? 3000).unref());
    void Promise.race([Promise.resolve().then(() => options.cleanup(signal)), timeout])
      .catch(() => undefined)
      .then(() => exit(code));
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SHUTDOWN_SIGNALS) process.off(signal, handler);
  };
}

/** The shell's convention for "ended by a signal": 128 + its number (130 for Ctrl-C). */
export function signalExitCode(signal: ShutdownSignal): number {
  return 128 + constants.signals[signal];
}
