import { copyRequest } from "./copy-request";
import { type HeldBody, heldBody } from "./held-body";
import { ApiError, AuthProtocolError, ConfigurationError, MissingCredentialsError } from "./errors";
import { looksLikeJwt, readJwtExpiry } from "./jwt";
import { assertSendable } from "./resolve-secret";
import { Secret } from "./secret";
import type { AuthStrategy } from "./types";

/** A credential as the refresh function returns it and `onTokenRefreshed` receives it. */
export interface TokenAuth {
  token: string;
  /** ms since the epoch; read from the JWT `exp` claim when absent. */
  expiresAt?: number;
  refreshToken?: string;
}

export interface RefreshingTokenOptions {
  /** Names the provider in error messages. */
  provider: string;
  /** A token from an earlier login, if there is one; without it the first request refreshes. */
  token?: string;
  expiresAt?: number;
  refreshToken?: string;
  /**
   * Gets a new token. It must not send its request through a client that uses this strategy unless
   * `skipPath` excludes the refresh endpoint: that request would wait for the refresh it is part of.
   */
  refresh: (current: { token: string | undefined; refreshToken: string | undefined }) => Promise<TokenAuth>;
  /** Called after each successful refresh, so that callers can persist the new token. */
  onTokenRefreshed?: (auth: TokenAuth) => void | Promise<void>;
  /** Puts the token on a request. Default: `Authorization: Bearer <token>`. */
  place?: (request: Request, token: string) => void;
  /** Requests (by OpenAPI path) that must go out without the token: login, refresh. */
  skipPath?: (schemaPath: string) => boolean;
  /** Refresh this long before the token expires. Default 30 s. */
  refreshMarginMs?: number;
}

export type RefreshingToken = AuthStrategy & {
  /** Installs a token (after a login). A refresh still in flight is then discarded. */
  set(token: string, expiresAt?: number, refreshToken?: string): void;
  /** Forgets the token (after a logout). A refresh still in flight is then discarded. */
  clear(): void;
  /** The token in use, if any. */
  current(): TokenAuth | undefined;
  /** The refresh token the next refresh will use: the held one, or one given alone in the options. */
  refreshToken(): string | undefined;
};

interface Held {
  token: Secret;
  expiresAt: number | undefined;
  refreshToken: Secret | undefined;
}

/** A request as sent, for its retry after a 401: the token generation and its body (a clone when not held). */
interface Sent {
  generation: number;
  body: HeldBody | Request | null;
}

/** In-flight requests remembered for a 401 retry; bounded in case a later middleware short-circuits. */
const MAX_REMEMBERED = 10_000;

/**
 * A token that refreshes itself (the Stainless TokenCache / octokit auth-oauth-user pattern as
 * openapi-fetch middleware):
 * - before a request, refresh when there is no token or it expires within `refreshMarginMs`;
 * - all concurrent callers share one refresh in flight;
 * - on a 401 to a request it authenticated, refresh once and retry that request once through the
 *   client's fetch. A 401 on the retry throws AuthenticationError; a failing refresh throws its own
 *   error, to every request of that 401 storm, and is not repeated for them.
 */
export function refreshingToken(options: RefreshingTokenOptions): RefreshingToken {
  const { provider, refresh, onTokenRefreshed, skipPath } = options;
  const place =
    options.place ?? ((request: Request, token: string) => request.headers.set("Authorization", `Bearer ${token}`));
  const marginMs = options.refreshMarginMs ?? 30_000;
  if (typeof refresh !== "function")
    throw new ConfigurationError(`[@sessionkit/${provider}] refreshingToken(): refresh is required`);
  if (!Number.isFinite(marginMs) || marginMs < 0) {
    throw new ConfigurationError(
      `[@sessionkit/${provider}] refreshingToken(): refreshMarginMs must be a non-negative number`,
    );
  }

  let held: Held | undefined;
  /** Bumped whenever `held` changes, so that a request knows which token it was sent with. */
  let generation = 0;
  /** The generation the server answered 401 for: the next request refreshes first. */
  let rejected = -1;
  let pending: { from: number; promise: Promise<void> } | undefined;
  /** The last refresh failure, kept so that the rest of its 401 storm gets the same error. */
  let failed: { from: number; error: unknown } | undefined;
  const sent = new Map<string, Sent>();

  /** A refresh token given without a token (resuming a session): the first request refreshes with it. */
  let seedRefreshToken: Secret | undefined;
  if (options.token !== undefined) install(checked(options.token, options.expiresAt, options.refreshToken, "config"));
  else if (options.refreshToken !== undefined) {
    if (typeof options.refreshToken !== "string" || options.refreshToken.length === 0) {
      throw new ConfigurationError(`[@sessionkit/${provider}] the refresh token is empty`);
    }
    seedRefreshToken = new Secret(options.refreshToken);
  }

  function install(next: Held | undefined): void {
    held = next;
    seedRefreshToken = undefined;
    generation += 1;
    failed = undefined;
  }

  /** Validates a token from the caller ("config") or from the refresh function ("refresh"). */
  function checked(token: unknown, expiresAt: unknown, refreshToken: unknown, from: "config" | "refresh"): Held {
    const fail = (message: string) =>
      from === "refresh"
        ? new AuthProtocolError("refresh", `[@sessionkit/${provider}] the refresh ${message}`)
        : new ConfigurationError(`[@sessionkit/${provider}] the token ${message}`);
    if (typeof token !== "string" || token.length === 0)
      throw fail(from === "refresh" ? "returned no token" : "is empty");
    if (refreshToken !== undefined && (typeof refreshToken !== "string" || refreshToken.length === 0)) {
      throw fail("refresh token is not a non-empty string");
    }
    if (expiresAt !== undefined && (typeof expiresAt !== "number" || !Number.isFinite(expiresAt))) {
      throw fail("expiry is not a number of milliseconds");
    }
    try {
      assertSendable(token, provider, "the token", "header");
    } catch {
      throw fail("token contains characters that cannot be sent in a header");
    }
    // A JWT is read even when the expiry is given separately: an unsigned (alg "none") token or a garbage `exp`
    // is refused the same way whichever field the vendor's reply happened to fill in.
    const jwtExpiry = looksLikeJwt(token) ? readJwtExpiry(token) : undefined;
    return {
      token: new Secret(token),
      expiresAt: (expiresAt as number | undefined) ?? jwtExpiry,
      refreshToken: refreshToken === undefined ? undefined : new Secret(refreshToken as string),
    };
  }

  function needsRefresh(): boolean {
    if (!held || rejected === generation) return true;
    return held.expiresAt !== undefined && Date.now() >= held.expiresAt - marginMs;
  }

  /** Starts a refresh, or joins the one in flight for the current token. */
  function refreshOnce(): Promise<void> {
    if (pending && pending.from === generation) return pending.promise;
    const from = generation;
    const current = { token: held?.token.reveal(), refreshToken: (held?.refreshToken ?? seedRefreshToken)?.reveal() };
    const promise = (async () => {
      const reply = await refresh(current);
      if (reply === null || typeof reply !== "object") {
        throw new AuthProtocolError("refresh", `[@sessionkit/${provider}] the refresh returned no token`);
      }
      const next = checked(reply.token, reply.expiresAt, reply.refreshToken, "refresh");
      next.refreshToken ??= held?.refreshToken ?? seedRefreshToken; // refresh tokens that do not rotate stay valid
      if (generation !== from) return; // set() or clear() ran meanwhile: the caller's choice wins
      install(next);
      await onTokenRefreshed?.(reveal(next));
    })();
    const entry = { from, promise };
    pending = entry;
    promise
      .then(
        () => undefined,
        (error: unknown) => {
          if (generation === from) failed = { from, error };
        },
      )
      .finally(() => {
        if (pending === entry) pending = undefined;
      });
    return promise;
  }

  /** The token to retry with after a 401 for a request sent with `sentWith`. */
  async function tokenAfter401(sentWith: number): Promise<string> {
    if (generation === sentWith) {
      if (failed?.from === sentWith) throw failed.error;
      rejected = sentWith;
      await refreshOnce();
    } else if (pending) {
      await pending.promise;
    }
    if (!held) throw new MissingCredentialsError(provider, ["token"]);
    return held.token.reveal();
  }

  function remember(id: string, entry: Sent): void {
    if (sent.size >= MAX_REMEMBERED) sent.delete(sent.keys().next().value as string);
    sent.set(id, entry);
  }

  return {
    kind: "refreshingToken",

    async onRequest({ request, schemaPath, id }) {
      if (skipPath?.(schemaPath)) return undefined;
      if (needsRefresh()) await refreshOnce();
      if (!held) throw new MissingCredentialsError(provider, ["token"]);
      place(request, held.token.reveal());
      // For the one retry after a 401: the held body (held-body.ts), or else a clone, since sending reads the body.
      const body = heldBody(request);
      remember(id, { generation, body: body === undefined ? request.clone() : body });
      return undefined;
    },

    async onResponse({ request, response, id, options: client }) {
      const entry = sent.get(id);
      sent.delete(id);
      if (!entry || response.status !== 401) return undefined;
      await response.body?.cancel().catch(() => undefined);

      const token = await tokenAfter401(entry.generation);
      const body = entry.body instanceof Request ? await entry.body.arrayBuffer() : entry.body;
      const retry = await copyRequest(request, { body });
      place(retry, token);
      const again = await client.fetch(retry);
      if (again.status === 401) throw await authenticationError(again, retry);
      return again;
    },

    onError({ id }) {
      sent.delete(id);
      return undefined;
    },

    set(token, expiresAt, refreshToken) {
      install(checked(token, expiresAt, refreshToken, "config"));
    },

    clear() {
      install(undefined);
    },

    refreshToken() {
      return (held?.refreshToken ?? seedRefreshToken)?.reveal();
    },

    current() {
      return held ? reveal(held) : undefined;
    },
  };

  async function authenticationError(response: Response, request: Request): Promise<ApiError> {
    const text = await response.text().catch(() => "");
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return ApiError.from({
      provider,
      status: response.status,
      body,
      headers: response.headers,
      method: request.method,
      url: request.url,
    });
  }
}

function reveal(held: Held): TokenAuth {
  return {
    token: held.token.reveal(),
    ...(held.expiresAt !== undefined && { expiresAt: held.expiresAt }),
    ...(held.refreshToken !== undefined && { refreshToken: held.refreshToken.reveal() }),
  };
}
