/** What the injected fetch saw for one call (read before the handler runs, so the body is still there). */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  request: Request;
}

export type Handler = (request: Request, seen: SeenRequest) => Response | Promise<Response>;

/**
 * A fetch to inject through openapi-fetch's `createClient({ fetch })`: records every call and answers
 * with `handler`. No network and no global mocks.
 */
export function fakeFetch(handler: Handler = () => json(200, { ok: true })) {
  const calls: SeenRequest[] = [];
  const fetch = async (input: Request): Promise<Response> => {
    const seen: SeenRequest = {
      method: input.method,
      url: input.url,
      headers: new Headers(input.headers),
      body: input.body ? await input.clone().text() : "",
      request: input,
    };
    calls.push(seen);
    return handler(input, seen);
  };
  return { fetch, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Base64url without padding, as in JWTs. */
export function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** An unsigned-looking test JWT (signature is opaque to the client; only the server checks it). */
export function makeJwt(
  payload: Record<string, unknown>,
  header: Record<string, unknown> = { alg: "HS256", typ: "JWT" },
): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.c2lnbmF0dXJl`;
}
