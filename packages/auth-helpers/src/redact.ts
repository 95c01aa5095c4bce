import { REDACTED } from "./secret";

/** Header names whose values are credentials, in any provider. */
const SECRET_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
  "x-xsrf-token",
  "x-csrf-token",
  "session", // Polario's JWT travels in a header of this name, both ways
]);

/** Query, form and JSON keys whose values are credentials (compared lower-cased, `-` and `_` ignored). */
const SECRET_KEYS = new Set(
  [
    "password",
    "passwd",
    "api_key",
    "apikey",
    "token",
    "access_token",
    "refresh_token",
    "id_token",
    "session_id",
    "sessionid",
    "session",
    "jwt",
    "secret",
    "client_secret",
    "login_token",
    "user_api_token",
    "agent_installation_token",
    "google_oauth_code",
    "proof",
    "client_final",
    "clientfinalmessage",
  ].map(normalizeKey),
);

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, "");
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normalizeKey(key));
}

/** A plain-object copy of `headers` with credential values masked (`Bearer [REDACTED]` keeps the scheme). */
export function redactHeaders(headers: Headers | Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (!SECRET_HEADERS.has(lower)) out[lower] = value;
    else if (lower === "authorization" || lower === "proxy-authorization") {
      const scheme = /^\s*(\w+)\s+\S/.exec(value)?.[1];
      out[lower] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
    } else out[lower] = REDACTED;
  }
  return out;
}

/** The URL with every credential-like query parameter's value masked. Never throws. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const hash = url.indexOf("#", q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const masked = query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      return eq >= 0 && isSecretKey(key) ? `${pair.slice(0, eq)}=${encodeURIComponent(REDACTED)}` : pair;
    })
    .join("&");
  return url.slice(0, q + 1) + masked + (hash < 0 ? "" : url.slice(hash));
}

/** A deep copy of a parsed body (JSON object, form fields) with credential-like fields masked. */
export function redactBody(body: unknown, depth = 0): unknown {
  if (depth > 8 || body === null || typeof body !== "object") return body;
  if (Array.isArray(body)) return body.map((item) => redactBody(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    out[key] = isSecretKey(key) && value != null ? REDACTED : redactBody(value, depth + 1);
  }
  return out;
}

/** Replaces every occurrence of each known secret in free text (messages from servers or libraries). */
export function redactText(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/**
 * A deep copy of `value` (strings, arrays, plain objects) with every occurrence of each secret masked in every
 * string, keys included. For what a server sent back, which may echo a credential under any name.
 */
export function scrubSecrets(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === "string") return redactText(value, secrets);
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[redactText(key, secrets)] = scrubSecrets(item, secrets, depth + 1);
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}
