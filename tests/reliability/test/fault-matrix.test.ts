/**
 * Every provider client against the fault server, every applicable fault row (support/matrix.ts). After each
 * fault, a normal call on the same client must succeed and carry the credential it carried before the fault.
 */
import { SessionkitError } from "@sessionkit/auth-helpers";
import { type FaultServer, startFaultServer } from "../support/fault-server";
import { SURFACES_PER_ERROR, leakLedger } from "../support/ledger";
import { captureLogs, checksFor } from "../support/leaks";
import { type Row, type RowContext, rowsFor, targetCall } from "../support/matrix";
import { ADAPTERS } from "../support/providers";
import type { ProviderAdapter } from "../support/providers/adapter";
import { unhandledSoFar } from "../support/unhandled";

const cases = ADAPTERS.map((adapter) => [adapter.name, adapter, rowsFor(adapter)] as const);
const total = cases.reduce((n, [, , rows]) => n + rows.length, 0);
// Every row that ends in an error has that error (and the client, and the logs) searched for the provider's secrets.
const EXPECTED_CHECKS = cases.reduce(
  (n, [, adapter, rows]) =>
    n + rows.filter((r) => r.outcome !== "ok").length * checksFor(adapter.secrets, SURFACES_PER_ERROR),
  0,
);
const ledger = leakLedger();

describe.each(cases)("%s", (_name, adapter: ProviderAdapter, rows: Row[]) => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer(adapter.routes());
  });
  afterAll(() => server.close());
  afterEach(async () => {
    if (!server.listening) await server.accept();
    server.reset();
  });

  it.each(rows.map((row) => [`${row.target}: ${row.name}`, row] as const))("%s", async (_title, row) => {
    const call = targetCall(adapter, row.target)!;
    const follow = (adapter.idempotent ?? adapter.nonIdempotent)!;
    const controller = new AbortController();
    const ctx: RowContext = { server, adapter, route: call.route, abort: () => controller.abort(), attempts: 0 };
    const logs = captureLogs();
    try {
      const client = adapter.create(server, { ...row.options?.(ctx), logger: logs.logger });
      await adapter.login?.run(client);
      await follow.run(client);
      const credential = adapter.credential(server.hitsTo(follow.route).at(-1)!);
      server.reset();
      ctx.attempts = 0;

      await row.arrange(ctx);
      const started = performance.now();
      const result = await call.run(client, controller.signal).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const elapsed = performance.now() - started;
      const hits = row.countAll ? server.hits.length : server.hitsTo(call.route).length;

      if (row.outcome === "ok") {
        expect(result).toMatchObject({ ok: true });
      } else {
        expect(result.ok).toBe(false);
        const error = (result as { error: unknown }).error;
        expect(error).toBeInstanceOf(SessionkitError);
        expect(error).toMatchObject({ name: row.outcome });
        ledger.check(error, client, logs.lines, adapter.secrets);
      }
      expect(hits).toBe(typeof row.hits === "function" ? row.hits(adapter) : row.hits);
      if (row.minMs !== undefined) expect(elapsed).toBeGreaterThanOrEqual(row.minMs - 5);
      if (row.maxMs !== undefined) expect(elapsed).toBeLessThanOrEqual(row.maxMs);
      row.check?.(result.ok ? result.value : result.error, ctx);

      // The session survived: the next normal call works and carries the same credential.
      server.clearFaults();
      if (!server.listening) await server.accept();
      server.reset();
      await follow.run(client);
      expect(adapter.credential(server.hitsTo(follow.route).at(-1)!)).toBe(credential);
    } finally {
      logs.restore();
    }
  });
});

test(`the matrix ran ${total} rows over ${cases.length} providers: 0 leaks in ${EXPECTED_CHECKS} checks, no unhandled rejection`, () => {
  expect(total).toBeGreaterThan(0);
  expect(ledger.state.checks).toBe(EXPECTED_CHECKS);
  expect(ledger.state.leaks).toEqual([]);
  expect(unhandledSoFar()).toEqual([]);
});
