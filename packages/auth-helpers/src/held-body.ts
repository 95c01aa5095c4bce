/**
 * The body a Request was built from, kept beside it so that it can be sent (and sent again) without touching the
 * Request's own body. Node's fetch turns every Request body into a stream: `clone()` tees it and
 * `new Request(request)` pipes it through another stream, which cost more than everything else a call does
 * (bench/RESULTS.md, table 1). The facade holds the body it serialised, copyRequest the one it copied; any other
 * Request's body is read once, from a clone, so that the Request itself stays unread for middleware and error
 * messages.
 */
export type HeldBody = string | ArrayBuffer;

const held = new WeakMap<Request, HeldBody>();

export function holdBody(request: Request, body: HeldBody): void {
  held.set(request, body);
}

/** `null` when the request has no body, the held body, or `undefined` when it is not known (or already read). */
export function heldBody(request: Request): HeldBody | null | undefined {
  if (request.body === null) return null;
  return request.bodyUsed ? undefined : held.get(request);
}

/** The request's body, read (from a clone) and held when it is not known. A used body rejects, as fetch would. */
export async function requestBody(request: Request): Promise<HeldBody | null> {
  const known = heldBody(request);
  if (known !== undefined) return known;
  const buffer = await request.clone().arrayBuffer();
  held.set(request, buffer);
  return buffer;
}
