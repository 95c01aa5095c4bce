/** Runs the leak search over one error and keeps the count, so that a test file can report "0 leaks in N checks". */
import { findLeaks, surfacesOf } from "./leaks";

/** surfacesOf() yields this many surfaces for an Error plus a client (see support/leaks.ts). */
export const SURFACES_PER_ERROR = 9;

export function leakLedger() {
  const state = { checks: 0, leaks: [] as string[] };
  return {
    state,
    /** Asserts that none of `secrets` appears anywhere the error, the client or the logs show. */
    check(error: unknown, client: unknown, logs: readonly string[], secrets: Record<string, string>): void {
      expect(error).toBeInstanceOf(Error);
      const report = findLeaks(surfacesOf(error, client ?? null, logs), secrets);
      state.checks += report.checks;
      state.leaks.push(...report.leaks);
      expect(report.leaks).toEqual([]);
    },
  };
}
