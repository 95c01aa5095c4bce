/**
 * What the fault matrix and the leak checks need to know about one provider: how its fake vendor answers, how to
 * build and log in a client against it, which authenticated call is idempotent and which is not, and where a
 * request carries the session credential.
 */
import type { ClientOptions } from "@sessionkit/auth-helpers";
import type { FaultServer, Hit, Route, Routes } from "../fault-server";

export interface AdapterCall<C> {
  /** The route the call hits (method and path on the fake server). */
  route: Route;
  run(client: C, signal?: AbortSignal): Promise<unknown>;
}

export interface ProviderAdapter<C = any> {
  name: string;
  /** Builds the fake vendor's routes (fresh state per server). */
  routes(): Routes;
  /** Where the client's baseUrl points below the server's origin. */
  basePath: string;
  create(server: FaultServer, options: Partial<ClientOptions>): C;
  /** Logs the client in with the good credentials (no-op for a provider without a login). */
  login?: AdapterCall<C>;
  /** An authenticated call the client may retry (GET/PUT/DELETE), if the provider has one. */
  idempotent?: AdapterCall<C>;
  /** An authenticated (or session-carrying) call it must not retry unless told to. */
  nonIdempotent: AdapterCall<C>;
  /** The session credential a request carried (token, session id, cookie, key), if any. */
  credential(hit: Hit): string | undefined;
  /** A 200 body for the login route that does not match the spec's schema. */
  mismatchedLoginBody?: unknown;
  /** Every secret this adapter's client or fake vendor handles, by label. */
  secrets: Record<string, string>;
}

/**
 * Options every matrix client gets: tiny backoffs so that retries resolve in milliseconds. The timeout is kept at
 * a value no healthy loopback call gets near on a loaded machine; rows about timeouts set their own tiny one.
 */
export function fastOptions(
  server: FaultServer,
  basePath: string,
  extra: Partial<ClientOptions> = {},
): ClientOptions & { baseUrl: string } {
  return {
    baseUrl: `${server.url}${basePath}`,
    timeoutMs: 2_000,
    ...extra,
    retry: extra.retry === false ? false : { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 4, ...extra.retry },
  };
}
