/**
 * Rebuilds a `Request` with a buffered body.
 *
 * `new Request(url, request)` would move the body into a stream: the copy then goes out chunked, with no
 * `Content-Length`, and Prism skips its content-type check and trips its validator-cache bug on such
 * requests (tooling.md §1.3, §3.5). Reading the body into an ArrayBuffer first keeps the length known.
 */
export async function copyRequest(
  request: Request,
  changes: { url?: string; body?: ArrayBuffer | null } = {},
): Promise<Request> {
  const body = changes.body !== undefined ? changes.body : request.body === null ? null : await request.arrayBuffer();
  const copy = new Request(changes.url ?? request.url, {
    method: request.method,
    headers: new Headers(request.headers),
    body,
    signal: request.signal,
    redirect: request.redirect,
    credentials: request.credentials,
    cache: request.cache,
    integrity: request.integrity,
    keepalive: request.keepalive,
    referrerPolicy: request.referrerPolicy,
  });
  // openapi-fetch copies unknown init keys onto the Request for custom fetch functions to read
  // (e.g. per-request retry settings); keep them on the copy.
  for (const key of Object.keys(request)) {
    if (!(key in copy)) Reflect.set(copy, key, Reflect.get(request, key));
  }
  return copy;
}
