import type { Cookie, CookieJar } from "tough-cookie";
import { AuthProtocolError } from "./errors";
import type { AuthStrategy } from "./types";

export interface CookieSessionOptions {
  /** Names the provider in error messages. */
  provider: string;
  /**
   * Anti-forgery echo: the value of cookie `cookie` is sent in header `header` (CloudEndure:
   * `{ cookie: "XSRF-TOKEN", header: "X-XSRF-TOKEN" }`).
   */
  xsrf?: { cookie: string; header: string };
}

export type CookieSession = AuthStrategy & {
  /** Forgets every cookie (after logout, or to switch users). */
  clear(): void;
  /** Whether the jar would send cookie `name` to `url` now (present and not expired). */
  has(name: string, url: string): boolean;
};

type ToughCookie = typeof import("tough-cookie");

// A cookie name we may quote in an error message: a plain RFC 7230 token of sane length.
const PRINTABLE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * A session kept in cookies, for Node, Bun and Deno. Browsers forbid setting `Cookie` from fetch; there,
 * use `credentials: "include"` and let the browser keep the session.
 *
 * Node's fetch has no cookie store, so this keeps a real RFC 6265 jar (tough-cookie): `Set-Cookie` from
 * each response is stored against the URL it came from, and each request sends the cookies whose
 * domain, path, Secure flag and expiry match its URL. A cookie that names a domain the response did not
 * come from is an AuthProtocolError, not silently dropped: it means the session will not work.
 *
 * tough-cookie (with tldts' public-suffix list) takes ~30 ms to import, so it is loaded with the first
 * `Set-Cookie` a response carries, not with the package: until then the jar is empty and needs no code.
 */
export function cookieSession(options: CookieSessionOptions): CookieSession {
  const { provider, xsrf } = options;
  /** Created with the first cookie the server sets. */
  let jar: CookieJar | undefined;

  return {
    kind: "cookieSession",
    scope: "all",

    async onRequest({ request }) {
      if (!jar) return undefined;
      const url = request.url;
      // RFC 6265 §5.4: longer paths first, then older cookies first (as getCookieString orders them).
      const stored = jar.getCookiesSync(url, { sort: true });
      if (stored.length > 0) {
        // Cookies the caller set on this request win over stored ones of the same name.
        const explicit = request.headers.get("cookie");
        const explicitNames = new Set((explicit ?? "").split(";").map((pair) => pair.split("=", 1)[0]!.trim()));
        const fromJar = stored
          .filter((cookie) => !explicitNames.has(cookie.key))
          .map((cookie) => cookie.cookieString());
        if (fromJar.length > 0) request.headers.set("cookie", [explicit, ...fromJar].filter(Boolean).join("; "));
      }
      if (xsrf && !request.headers.has(xsrf.header)) {
        const token = stored.find((cookie) => cookie.key === xsrf.cookie);
        if (token) request.headers.set(xsrf.header, xsrfHeaderValue(token.value));
      }
      return undefined;
    },

    async onResponse({ request, response }) {
      const headers = response.headers.getSetCookie();
      if (headers.length === 0) return undefined;
      // Awaited only the first time: once loaded, storing stays synchronous, as it was with a static import.
      const library = loaded ?? (await loadToughCookie());
      // After a followed redirect the cookies came from the final URL; `response.url` is empty for
      // synthetic responses, so fall back to the URL the request was sent to.
      storeSetCookies(library, headers, response.url || request.url);
      return undefined;
    },

    clear() {
      jar?.removeAllCookiesSync();
    },

    has(name, url) {
      return jar?.getCookiesSync(url).some((cookie) => cookie.key === name) ?? false;
    },
  };

  /**
   * Stores a response's cookies all or nothing: they are set on a copy of the jar, which replaces the jar only
   * when every one was accepted. A response with a cookie the jar refuses (another domain, a public suffix) is an
   * error, and it must not leave half a session behind (a new session cookie next to the old XSRF token), so the
   * session from before stays intact for the next call.
   */
  function storeSetCookies(library: ToughCookie, headers: string[], url: string): void {
    // RFC 6265 §5.2: a Set-Cookie that does not parse is ignored, as browsers do.
    const cookies = headers
      .map((header) => parseSetCookie(library, header))
      .filter((cookie): cookie is Cookie => cookie !== undefined);
    if (cookies.length === 0) return;
    const next = jar?.cloneSync() ?? new library.CookieJar();
    for (const cookie of cookies) {
      try {
        next.setCookieSync(cookie, url);
      } catch (error) {
        throw refusal(cookie, error);
      }
    }
    jar = next;
  }

  function refusal(cookie: Cookie, error: unknown): AuthProtocolError {
    const name = PRINTABLE_NAME.test(cookie.key) ? `cookie "${cookie.key}"` : "a cookie";
    // tough-cookie's messages quote domains only; still, build our own so that nothing else can slip through.
    const text = error instanceof Error ? error.message : "";
    const reason = /public suffix/i.test(text)
      ? "for a public suffix domain"
      : /not in this host's domain/i.test(text)
        ? "for a domain other than the one that sent it"
        : /secure/i.test(text)
          ? "with the Secure flag over an insecure connection"
          : "that the cookie jar refused";
    return new AuthProtocolError(
      "cookie",
      `[@sessionkit/${provider}] server set ${name} ${reason}; the session would not work`,
    );
  }

  /** CloudEndure-style XSRF: the cookie value, unquoted and URL-decoded. */
  function xsrfHeaderValue(raw: string): string {
    const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    let value: string;
    try {
      value = decodeURIComponent(unquoted);
    } catch {
      throw new AuthProtocolError(
        "cookie",
        `[@sessionkit/${provider}] the ${xsrf!.cookie} cookie is not valid percent-encoding`,
      );
    }
    if (CONTROL_CHARACTER.test(value) || /[^\u0000-\u00ff]/.test(value)) {
      throw new AuthProtocolError(
        "cookie",
        `[@sessionkit/${provider}] the ${xsrf!.cookie} cookie cannot be sent as a header`,
      );
    }
    return value;
  }
}

function parseSetCookie(library: ToughCookie, header: string): Cookie | undefined {
  try {
    return library.Cookie.parse(header) ?? undefined;
  } catch {
    return undefined;
  }
}

let loaded: ToughCookie | undefined;
let loading: Promise<ToughCookie> | undefined;

/** One import per process, shared by every session; a failed import is tried again on the next response. */
function loadToughCookie(): Promise<ToughCookie> {
  loading ??= import("tough-cookie").then(
    (library) => {
      loaded = library;
      return library;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
