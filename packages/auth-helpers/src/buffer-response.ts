import { abortable, discard } from "./abortable";
import { ApiResponseError } from "./errors";

/** Statuses whose Response may not carry a body (the fetch spec's "null body status"). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Reads the whole body of `response` while `signal` (the attempt's timer and the caller's abort) still
 * applies, and returns an equivalent Response holding it in memory. This is what makes a timeout cover a body
 * that stalls after the headers, a reset mid-body a retryable connection failure of that attempt, and a body
 * larger than `maxBytes` (an endless stream from a broken server) an ApiResponseError instead of an OOM.
 * Session APIs answer with a few hundred bytes, so buffering costs nothing.
 */
export async function bufferResponse(
  response: Response,
  request: Request,
  signal: AbortSignal,
  maxBytes: number,
): Promise<Response> {
  const fail = (problem: string) =>
    new ApiResponseError({
      status: response.status,
      contentType: response.headers.get("content-type"),
      method: request.method,
      url: request.url,
      problem,
    });
  // new Response() accepts only 200-599; a server that answers 999 is broken, not rate limited.
  if (response.status < 200 || response.status > 599) {
    discard(response);
    throw fail(`status ${response.status} is outside HTTP's range`);
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    discard(response);
    throw fail(`the body (${declared} bytes) exceeds the ${maxBytes}-byte limit`);
  }
  // A custom fetch may hand back a Response whose body is already read; there is nothing left to buffer.
  if (response.bodyUsed || response.body?.locked) return response;
  const body = response.body
    ? await readAll(response.body, signal, maxBytes, () => fail(`the body exceeds the ${maxBytes}-byte limit`))
    : null;
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // Read-only on a constructed Response; create-client and the cookie jar read where the answer came from.
  Object.defineProperty(copy, "url", { value: response.url, enumerable: true });
  Object.defineProperty(copy, "redirected", { value: response.redirected, enumerable: true });
  return copy;
}

async function readAll(
  stream: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await abortable(reader.read(), signal);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
