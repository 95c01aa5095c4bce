import { copyRequest } from "./copy-request";
import { ConfigurationError, MissingCredentialsError } from "./errors";
import { assertSendable, resolveSecret } from "./resolve-secret";
import type { AuthStrategy, SecretSource } from "./types";

export interface ApiKeysOptions {
  /** Names the provider in error messages. */
  provider: string;
  /** Where the keys go; every key of one strategy goes to the same place. */
  in: "header" | "query" | "cookie";
  /** Parameter (header, query or cookie) name → key, or a function that reads it at request time. */
  keys: Record<string, SecretSource>;
}

// RFC 7230 token: valid header and cookie names.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// RFC 6265 cookie-octet: anything else in a cookie value is percent-encoded.
const COOKIE_OCTETS = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;

/**
 * Places API keys (Voximplant: `account_name` + `api_key`, or `session_id`) in a header, the query or
 * a cookie on every request. A key the caller already set on the request is left alone; all missing
 * keys are reported together before anything is sent.
 */
export function apiKeys(options: ApiKeysOptions): AuthStrategy {
  const { provider, in: placement } = options;
  const entries = Object.entries(options.keys ?? {});
  if (placement !== "header" && placement !== "query" && placement !== "cookie") {
    throw new ConfigurationError(`[@sessionkit/${provider}] apiKeys(): "in" must be "header", "query" or "cookie"`);
  }
  if (entries.length === 0) throw new ConfigurationError(`[@sessionkit/${provider}] apiKeys(): no keys given`);
  for (const [name] of entries) {
    if (placement === "query" ? name.length === 0 : !TOKEN.test(name)) {
      throw new ConfigurationError(`[@sessionkit/${provider}] apiKeys(): "${name}" is not a valid ${placement} name`);
    }
  }

  return {
    kind: "apiKey",
    async onRequest({ request }) {
      const alreadySet = explicitNames(request, placement);
      const needed = entries.filter(([name]) => !alreadySet(name));
      if (needed.length === 0) return undefined;

      const values = await Promise.all(needed.map(([, source]) => resolveSecret(source)));
      const missing = needed.filter((_, i) => values[i] === undefined).map(([name]) => name);
      if (missing.length > 0) throw new MissingCredentialsError(provider, missing);
      const pairs = needed.map(([name], i) => {
        const value = values[i] as string;
        assertSendable(value, provider, `the "${name}" key`, placement === "query" ? "query" : "header");
        return [name, value] as const;
      });

      if (placement === "header") {
        for (const [name, value] of pairs) request.headers.set(name, value);
        return undefined;
      }
      if (placement === "cookie") {
        const added = pairs.map(
          ([name, value]) => `${name}=${COOKIE_OCTETS.test(value) ? value : encodeURIComponent(value)}`,
        );
        const existing = request.headers.get("cookie");
        request.headers.set("cookie", [existing, ...added].filter(Boolean).join("; "));
        return undefined;
      }
      // Append rather than rewrite through searchParams, which would re-encode the caller's parameters.
      const url = new URL(request.url);
      const added = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&");
      url.search = url.search.length > 1 ? `${url.search}&${added}` : `?${added}`;
      return copyRequest(request, { url: url.href });
    },
  };
}

/** Whether the caller already placed `name` on this request (explicit values win over the strategy's). */
function explicitNames(request: Request, placement: ApiKeysOptions["in"]): (name: string) => boolean {
  if (placement === "header") return (name) => request.headers.has(name); // case-insensitive
  if (placement === "query") {
    const params = new URL(request.url).searchParams;
    return (name) => params.has(name);
  }
  const cookie = request.headers.get("cookie") ?? "";
  const names = new Set(cookie.split(";").map((pair) => pair.split("=", 1)[0]!.trim()));
  return (name) => names.has(name);
}
