/**
 * The fault matrix: one row per (fault, call kind). A row says how the fault server misbehaves, which call of the
 * provider it hits, and what the client must do: fail with a named, typed error after a counted number of server
 * hits, or retry (a bounded number of times) and succeed.
 */
import type { ClientOptions } from "@sessionkit/auth-helpers";
import type { FaultServer } from "./fault-server";
import {
  endlessBody,
  hang,
  htmlPage,
  malformedJson,
  redirectLoop,
  replyWith,
  resetBeforeResponse,
  resetMidBody,
  stallBody,
} from "./faults";
import type { AdapterCall, ProviderAdapter } from "./providers/adapter";

export type Target = "login" | "idempotent" | "nonIdempotent";

export interface RowContext {
  server: FaultServer;
  adapter: ProviderAdapter;
  route: string;
  /** Aborts the caller's signal for the faulted call. */
  abort(): void;
  /** Fetch attempts made by the client (counted by a pass-through fetch wrapper). */
  attempts: number;
}

export interface Row {
  name: string;
  target: Target;
  /** Client options on top of the fast defaults. */
  options?: (ctx: RowContext) => Partial<ClientOptions>;
  arrange(ctx: RowContext): void | Promise<void>;
  /** An error name (the call must reject with it), or "ok" (it must succeed, possibly after retries). */
  outcome: string;
  /** Server hits on the faulted route during the faulted call (on any route with `countAll`). */
  hits: number | ((adapter: ProviderAdapter) => number);
  countAll?: boolean;
  /** Bounds on the faulted call's duration, in ms. */
  minMs?: number;
  maxMs?: number;
  /** Extra assertions on the error or result. */
  check?(result: unknown, ctx: RowContext): void;
  /** Only for providers where this applies. */
  when?(adapter: ProviderAdapter): boolean;
}

/** Per-attempt timeout of the rows about timeouts (the other rows keep fastOptions' generous one). */
const TIMEOUT_MS = 150;
const tinyTimeout = () => ({ timeoutMs: TIMEOUT_MS });
const status = (code: number, headers: Record<string, string> = {}, body: unknown = { message: `status ${code}` }) =>
  replyWith({ status: code, headers, body });
const at = (route: string) => (ctx: RowContext) => route || ctx.route;
const on =
  (fault: Parameters<FaultServer["inject"]>[1], times = 1) =>
  (ctx: RowContext) =>
    ctx.server.inject(at("")(ctx), fault, times);
/** A provider whose client follows a redirect once by re-basing (CloudEndure) makes two hits before giving up. */
// (Every operation of such a client re-bases, not only the login.)
const redirectHits = (adapter: ProviderAdapter) => (adapter.name === "cloudendure" ? 2 : 1);

/** Connection refused on the first attempt; the listener comes back before the client's retry. */
function refusedOnce(ctx: RowContext): Partial<ClientOptions> {
  return {
    fetch: async (request: Request, init?: RequestInit) => {
      ctx.attempts += 1;
      try {
        return await fetch(request, init);
      } catch (error) {
        if (!ctx.server.listening) await ctx.server.accept();
        throw error;
      }
    },
  };
}
function countingFetch(ctx: RowContext): Partial<ClientOptions> {
  return {
    fetch: (request: Request, init?: RequestInit) => {
      ctx.attempts += 1;
      return fetch(request, init);
    },
  };
}

const both = (
  row: Omit<Row, "target" | "outcome" | "hits">,
  idem: Pick<Row, "outcome" | "hits"> & Partial<Row>,
  nonIdem: Pick<Row, "outcome" | "hits"> & Partial<Row>,
): Row[] => [
  { ...row, target: "idempotent", ...idem },
  { ...row, target: "nonIdempotent", ...nonIdem },
];

export const ROWS: Row[] = [
  // The network
  ...both(
    { name: "connection refused on every attempt", options: countingFetch, arrange: (ctx) => ctx.server.refuse() },
    { outcome: "ApiConnectionError", hits: 0, check: (_, ctx) => expect(ctx.attempts).toBe(3) },
    { outcome: "ApiConnectionError", hits: 0, check: (_, ctx) => expect(ctx.attempts).toBe(1) },
  ),
  {
    name: "connection refused once, then the server is back",
    target: "idempotent",
    options: refusedOnce,
    arrange: (ctx) => ctx.server.refuse(),
    outcome: "ok",
    hits: 1,
    check: (_, ctx) => expect(ctx.attempts).toBe(2),
  },
  ...both(
    { name: "connection reset before the response", arrange: on(resetBeforeResponse()) },
    { outcome: "ok", hits: 2 },
    { outcome: "ApiConnectionError", hits: 1 },
  ),
  ...both(
    { name: "connection reset mid-response (after the headers)", arrange: on(resetMidBody()) },
    { outcome: "ok", hits: 2 },
    { outcome: "ApiConnectionError", hits: 1 },
  ),
  ...both(
    { name: "server never answers once (per-attempt timeout fires)", options: tinyTimeout, arrange: on(hang()) },
    { outcome: "ok", hits: 2, minMs: TIMEOUT_MS },
    { outcome: "ApiTimeoutError", hits: 1, minMs: TIMEOUT_MS, maxMs: TIMEOUT_MS * 2 + 500 },
  ),
  {
    name: "server never answers at all (timeout on each of the 3 attempts)",
    target: "idempotent",
    options: tinyTimeout,
    arrange: on(hang(), 99),
    outcome: "ApiTimeoutError",
    hits: 3,
    minMs: TIMEOUT_MS * 3,
    maxMs: TIMEOUT_MS * 3 + 1500,
  },
  ...both(
    { name: "headers arrive, then the body stalls", options: tinyTimeout, arrange: on(stallBody()) },
    { outcome: "ok", hits: 2, minMs: TIMEOUT_MS },
    { outcome: "ApiTimeoutError", hits: 1, minMs: TIMEOUT_MS },
  ),
  ...both(
    // The abort fires from inside the server's handler: the request has certainly been received.
    {
      name: "caller's AbortSignal fires mid-request",
      arrange: (ctx) => ctx.server.inject(ctx.route, () => ctx.abort()),
    },
    // Well below the 2 s timeout: the abort, not the timer, ended the call.
    { outcome: "ApiUserAbortError", hits: 1, maxMs: 500 },
    { outcome: "ApiUserAbortError", hits: 1, maxMs: 500 },
  ),
  {
    name: "caller's AbortSignal fires during the retry backoff",
    target: "idempotent",
    options: () => ({ retry: { baseDelayMs: 5_000, maxDelayMs: 5_000 } }),
    arrange: (ctx) =>
      ctx.server.inject(ctx.route, (exchange) => {
        replyWith({ status: 503, body: { message: "busy" } })(exchange);
        setTimeout(() => ctx.abort(), 20);
      }),
    outcome: "ApiUserAbortError",
    hits: 1,
    maxMs: 1_000,
  },

  // The server: statuses
  ...both(
    { name: "500 without Retry-After", arrange: on(status(500), 9) },
    { outcome: "InternalServerError", hits: 1 },
    { outcome: "InternalServerError", hits: 1 },
  ),
  ...both(
    {
      name: "500 with Retry-After (500 is not retried by default)",
      arrange: on(status(500, { "Retry-After": "0" }), 9),
    },
    { outcome: "InternalServerError", hits: 1 },
    { outcome: "InternalServerError", hits: 1 },
  ),
  ...both(
    { name: "503 without Retry-After", arrange: on(status(503)) },
    { outcome: "ok", hits: 2 },
    { outcome: "InternalServerError", hits: 1, check: (e) => expect(e).toMatchObject({ status: 503 }) },
  ),
  ...both(
    { name: "503 with Retry-After: 0", arrange: on(status(503, { "Retry-After": "0" })) },
    { outcome: "ok", hits: 2 },
    { outcome: "InternalServerError", hits: 1 },
  ),
  {
    name: "503 on every attempt: bounded (1 + 2 retries), then the error",
    target: "idempotent",
    arrange: on(status(503), 99),
    outcome: "InternalServerError",
    hits: 3,
  },
  {
    name: "503, caller opted in to retrying non-idempotent requests",
    target: "nonIdempotent",
    options: () => ({ retry: { retryNonIdempotent: true } }),
    arrange: on(status(503)),
    outcome: "ok",
    hits: 2,
  },
  ...both(
    { name: "429 with Retry-After in seconds (0)", arrange: on(status(429, { "Retry-After": "0" })) },
    { outcome: "ok", hits: 2 },
    { outcome: "RateLimitError", hits: 1, check: (e) => expect(e).toMatchObject({ status: 429, retryAfterMs: 0 }) },
  ),
  ...both(
    {
      name: "429 with Retry-After as an HTTP date",
      arrange: (ctx) =>
        ctx.server.inject(ctx.route, (x) => status(429, { "Retry-After": new Date().toUTCString() })(x)),
    },
    { outcome: "ok", hits: 2 },
    {
      outcome: "RateLimitError",
      hits: 1,
      check: (e) => expect((e as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(1_000),
    },
  ),
  {
    name: "429 with Retry-After: 1 is waited for (seconds, not ms)",
    target: "idempotent",
    arrange: on(status(429, { "Retry-After": "1" })),
    outcome: "ok",
    hits: 2,
    minMs: 950,
    maxMs: 3_000,
  },
  {
    name: "429 with a Retry-After far in the future is not waited for",
    target: "idempotent",
    arrange: (ctx) =>
      ctx.server.inject(ctx.route, (x) =>
        status(429, { "Retry-After": new Date(Date.now() + 3_600_000).toUTCString() })(x),
      ),
    outcome: "RateLimitError",
    hits: 1,
    maxMs: 1_000,
    check: (e) => expect((e as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(3_500_000),
  },

  // The server: bodies
  ...([["idempotent"], ["nonIdempotent"], ["login"]] as const).map(
    ([target]): Row => ({
      name: "malformed JSON in a 200",
      target,
      arrange: on(malformedJson()),
      outcome: "ApiResponseError",
      hits: 1,
    }),
  ),
  {
    name: "a 200 whose body does not match the schema",
    target: "login",
    when: (adapter) => adapter.mismatchedLoginBody !== undefined,
    arrange: (ctx) =>
      ctx.server.inject(ctx.route, async (x) => {
        const normal = await x.normal();
        replyWith({ ...normal, status: 200, body: ctx.adapter.mismatchedLoginBody })(x);
      }),
    outcome: "AuthProtocolError",
    hits: 1,
  },
  ...([["idempotent"], ["nonIdempotent"], ["login"]] as const).map(
    ([target]): Row => ({
      name: "an HTML page (unexpected content type) in a 200",
      target,
      arrange: on(htmlPage()),
      outcome: "ApiResponseError",
      hits: 1,
      check: (e) => expect((e as Error).message).toContain("text/html"),
    }),
  ),
  ...([["idempotent"], ["nonIdempotent"]] as const).map(
    ([target]): Row => ({
      name: "a huge (endless) body stops at the default 8 MiB limit",
      target,
      // fastOptions' generous timer: the size limit, not the timeout, is what ends the read.
      arrange: on(endlessBody()),
      outcome: "ApiResponseError",
      hits: 1,
      maxMs: 5_000,
      check: (_, ctx) => {
        // The client stopped reading near its limit instead of buffering the stream.
        expect(ctx.server.streamed.bytes).toBeLessThan(64 * 1024 * 1024);
      },
    }),
  ),
  ...([["idempotent"], ["nonIdempotent"], ["login"]] as const).map(
    ([target]): Row => ({
      name: "a redirect loop",
      target,
      arrange: (ctx) => ctx.server.inject("*", redirectLoop(), 99),
      outcome: "RedirectError",
      countAll: true,
      hits: redirectHits,
    }),
  ),
];

export function targetCall(adapter: ProviderAdapter, target: Target): AdapterCall<unknown> | undefined {
  return adapter[target];
}

export function rowsFor(adapter: ProviderAdapter): Row[] {
  return ROWS.filter((row) => targetCall(adapter, row.target) !== undefined && (row.when?.(adapter) ?? true));
}
