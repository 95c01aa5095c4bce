import { type HeldBody, heldBody, holdBody } from "./held-body";

/**
 * Rebuilds a `Request` with a buffered body.
 *
 * `new Request(url, request)` would move the body into a stream: the copy then goes out chunked, with no
 * `Content-Length`, and Prism skips its content-type check and trips its validator-cache bug on such
 * requests (tooling.md §1.3, §3.5). The held body (held-body.ts), or else the body read into an ArrayBuffer,
 * keeps the length known; the copy holds it too.
 */
export async function copyRequest(
  request: Request,
  changes: { url?: string; body?: HeldBody | null } = {},
): Promise<Request> {
  const known = changes.body !== undefined ? changes.body : heldBody(request);
  const body = known !== undefined ? known : await request.arrayBuffer();
  const copy = new Request(changes.url ?? request.url, { ...requestInit(request), body, signal: request.signal });
  if (body !== null) holdBody(copy, body);
  // openapi-fetch copies unknown init keys onto the Request for custom fetch functions to read
  // (e.g. per-request retry settings); keep them on the copy.
  for (const key of Object.keys(request)) {
    if (!(key in copy)) Reflect.set(copy, key, Reflect.get(request, key));
  }
  return copy;
}

/** What a copy or a resend of `request` keeps, besides its URL, body and signal. Headers are copied by the receiver. */
export function requestInit(request: Request): RequestInit {
  return {
    method: request.method,
    headers: request.headers,
    redirect: request.redirect,
    credentials: request.credentials,
    cache: request.cache,
    integrity: request.integrity,
    keepalive: request.keepalive,
    referrerPolicy: request.referrerPolicy,
  };
}
