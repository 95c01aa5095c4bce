import { heldBody } from "./held-body";
import { isSecretKey } from "./redact";

/** Headers that describe the request rather than authenticate it; every other header value may be a credential. */
const PLAIN_HEADERS = new Set([
  "accept",
  "accept-encoding",
  "accept-language",
  "cache-control",
  "connection",
  "content-length",
  "content-type",
  "host",
  "idempotency-key",
  "prefer",
  "user-agent",
]);
/** Shorter values are left alone: masking "Web" or "true" wherever they appear would garble messages. */
const MIN_LENGTH = 8;

/** Which request an openapi-fetch response answers, recorded by the retrying fetch (the last one sent). */
const sent = new WeakMap<Response, Request>();

export function recordSentRequest(response: Response, request: Request): void {
  sent.set(response, request);
}

export function sentRequestOf(response: Response): Request | undefined {
  return sent.get(response);
}

/**
 * Every credential a request carried, in the forms a server could echo it back in: header values (an
 * `Authorization` value with and without its scheme, each cookie's value), secret query parameters, and
 * secret fields of a JSON or form body, each also percent-encoded. Longest first, so that masking a value
 * never leaves part of a longer one behind.
 */
export async function requestSecrets(request: Request | undefined): Promise<string[]> {
  if (!request) return [];
  const found = new Set<string>();
  for (const [name, value] of request.headers) {
    if (PLAIN_HEADERS.has(name)) continue;
    found.add(value);
    if (name === "authorization" || name === "proxy-authorization") found.add(value.replace(/^\s*\S+\s+/, ""));
    if (name === "cookie") for (const pair of value.split(";")) found.add(pair.slice(pair.indexOf("=") + 1).trim());
  }
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    url = undefined;
  }
  for (const [key, value] of url?.searchParams ?? []) if (isSecretKey(key)) found.add(value);
  for (const value of await bodySecrets(request)) found.add(value);

  const out = new Set<string>();
  for (const value of found) {
    if (value.length < MIN_LENGTH) continue;
    out.add(value);
    out.add(encodeURIComponent(value));
  }
  return [...out].sort((a, b) => b.length - a.length);
}

async function bodySecrets(request: Request): Promise<string[]> {
  const held = heldBody(request);
  if (held === null || request.bodyUsed) return [];
  let text: string;
  try {
    text =
      held === undefined
        ? await request.clone().text()
        : typeof held === "string"
          ? held
          : new TextDecoder().decode(held);
  } catch {
    return [];
  }
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return [...new URLSearchParams(text)].filter(([key]) => isSecretKey(key)).map(([, value]) => value);
  }
  try {
    return secretFields(JSON.parse(text) as unknown, 0);
  } catch {
    // A text/plain body is itself the payload (Equisoft stores an SSO token that way): treat it as a secret.
    return type.startsWith("text/plain") ? [text] : [];
  }
}

function secretFields(value: unknown, depth: number): string[] {
  if (depth > 8 || value === null || typeof value !== "object") return [];
  const out: string[] = [];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (typeof item === "string" && isSecretKey(key)) out.push(item);
    else out.push(...secretFields(item, depth + 1));
  }
  return out;
}
