import { ConfigurationError, MissingCredentialsError } from "./errors";
import { assertSendable, resolveSecret } from "./resolve-secret";
import type { AuthStrategy, SecretSource } from "./types";

export interface BearerOptions {
  /** Names the provider in error messages. Default "auth-helpers". */
  provider?: string;
  /** Header to set. Default "Authorization". */
  header?: string;
  /** Scheme before the token. Default "Bearer" (capital B: Prism checks `/^Bearer\s.+$/`); "" sends the bare token. */
  scheme?: string;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Sends `Authorization: Bearer <token>` on every request. `token` may be a function (sync or async)
 * that reads it from a store, so that a login elsewhere takes effect on the next request.
 * A header the caller set explicitly on a request wins.
 */
export function bearer(token: SecretSource, opts: BearerOptions = {}): AuthStrategy {
  const provider = opts.provider ?? "auth-helpers";
  const header = opts.header ?? "Authorization";
  const scheme = opts.scheme ?? "Bearer";
  if (!HEADER_NAME.test(header)) {
    throw new ConfigurationError(`[@sessionkit/${provider}] bearer(): "${header}" is not a valid header name`);
  }
  if (scheme !== "" && !HEADER_NAME.test(scheme)) {
    throw new ConfigurationError(`[@sessionkit/${provider}] bearer(): "${scheme}" is not a valid auth scheme`);
  }

  return {
    kind: "bearer",
    async onRequest({ request }) {
      if (request.headers.has(header)) return undefined;
      const value = normalizeToken(await resolveSecret(token), scheme);
      if (!value) throw new MissingCredentialsError(provider, ["token"]);
      assertSendable(value, provider, "the token", "header");
      request.headers.set(header, scheme ? `${scheme} ${value}` : value);
      return undefined;
    },
  };
}

/** Drops a scheme prefix the caller already added ("Bearer abc", "bearer abc") and surrounding spaces. */
export function normalizeToken(token: string | undefined, scheme = "Bearer"): string | undefined {
  if (token === undefined) return undefined;
  let value = token.replace(/^ +| +$/g, "");
  if (scheme) {
    const lower = value.toLowerCase();
    const prefix = scheme.toLowerCase();
    if (lower === prefix) value = "";
    else if (lower.startsWith(`${prefix} `)) value = value.slice(prefix.length).replace(/^ +/, "");
  }
  return value.length > 0 ? value : undefined;
}
