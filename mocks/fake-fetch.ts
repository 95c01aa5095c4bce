// Unit-test helper shared by the provider packages: an injected fetch that records what it was asked and answers
// from a handler. No network, no global mocks (the openapi-fetch createObservedClient habit).
/** What the injected fetch saw for one call (read before the handler runs, so the body is still there). */
export interface Seen {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** A fetch to inject as `options.fetch`: records every call and answers with `handler`. No network. */
export function fakeFetch(handler: (seen: Seen) => Response | Promise<Response>) {
  const calls: Seen[] = [];
  const fetch = async (input: Request): Promise<Response> => {
    const url = new URL(input.url);
    const seen = {
      method: input.method,
      path: url.pathname,
      url,
      headers: new Headers(input.headers),
      body: input.body ? await input.clone().text() : "",
    };
    calls.push(seen);
    return handler(seen);
  };
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** An HS256-shaped JWT with the given claims (the client only reads `exp`; the server checks the signature). */
export function makeJwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
}
