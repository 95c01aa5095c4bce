/**
 * Secrets never leak. Every provider, every call it makes (login, idempotent, non-idempotent), against a server
 * that echoes the request back in every way a real one might (JSON error bodies, plain text, an HTML gateway page,
 * reflected headers and WWW-Authenticate, a redirect carrying it all in the query, a truncated 200, an error inside a
 * 200). The error, String(err), util.inspect(err, {depth: 10, showHidden: true}), JSON.stringify(err), the client
 * (inspected and as JSON) and everything logged (the client's logger and every console method) are searched for each
 * of the provider's secrets (passwords, tokens, api keys, cookies, SCRAM proofs), as is and percent-encoded.
 */
import { type FaultServer, startFaultServer } from "../support/fault-server";
import { type EchoStyle, echo } from "../support/faults";
import { SURFACES_PER_ERROR, leakLedger } from "../support/ledger";
import { captureLogs, checksFor } from "../support/leaks";
import type { Target } from "../support/matrix";
import { ADAPTERS } from "../support/providers";
import type { ProviderAdapter } from "../support/providers/adapter";
import { unhandledSoFar } from "../support/unhandled";

const STYLES: EchoStyle[] = [
  "json-400",
  "json-401",
  "json-500",
  "text-403",
  "html-502",
  "headers-401",
  "redirect",
  "malformed-200",
];
const TARGETS: Target[] = ["login", "idempotent", "nonIdempotent"];

interface Scenario {
  adapter: ProviderAdapter;
  target: Target;
  style: EchoStyle;
}

const SCENARIOS: Scenario[] = ADAPTERS.flatMap((adapter) =>
  TARGETS.filter((target) => adapter[target] !== undefined).flatMap((target) =>
    [...STYLES, ...(adapter.name === "voximplant" ? (["error-in-200"] as const) : [])].map((style) => ({
      adapter,
      target,
      style,
    })),
  ),
);
const EXPECTED_CHECKS = SCENARIOS.reduce((n, s) => n + checksFor(s.adapter.secrets, SURFACES_PER_ERROR), 0);
const ledger = leakLedger();

describe.each(ADAPTERS.map((a) => [a.name, a] as const))("%s", (_name, adapter) => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer(adapter.routes());
  });
  afterAll(() => server.close());

  const mine = SCENARIOS.filter((s) => s.adapter === adapter);
  it.each(mine.map((s) => [`${s.target}, server echoes the request: ${s.style}`, s] as const))(
    "%s",
    async (_title, s) => {
      server.reset();
      const logs = captureLogs();
      try {
        const client = adapter.create(server, { logger: logs.logger });
        await adapter.login?.run(client);
        const call = adapter[s.target]!;
        // Twice: a client that follows a redirect once (CloudEndure) meets the echo again.
        server.inject("*", echo(s.style), 2);
        const error = await call.run(client).then(
          () => undefined,
          (e: unknown) => e,
        );
        // The echo reached the server, so there was something to leak.
        expect(server.hits.length).toBeGreaterThan(adapter.login ? 1 : 0);
        expect(error).toBeInstanceOf(Error);
        ledger.check(error, client, logs.lines, adapter.secrets);
      } finally {
        logs.restore();
      }
    },
  );
});

test(`secrets: 0 leaks in ${EXPECTED_CHECKS} checks (${SCENARIOS.length} echo scenarios over ${ADAPTERS.length} providers)`, () => {
  expect(ledger.state.checks).toBe(EXPECTED_CHECKS);
  expect(ledger.state.leaks).toEqual([]);
  expect(unhandledSoFar()).toEqual([]);
});
