import { abortable, discard } from "./abortable";
import { bufferResponse } from "./buffer-response";
import {
  ApiConnectionError,
  ApiTimeoutError,
  ApiUserAbortError,
  ConfigurationError,
  SessionkitError,
  parseRetryAfter,
} from "./errors";
import { requestInit } from "./copy-request";
import { requestBody } from "./held-body";
import { redactText } from "./redact";
import { recordSentRequest } from "./request-secrets";

export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** First backoff step when the server names no delay; doubles per retry. Default 500. */
  baseDelayMs?: number;
  /** Ceiling of the exponential backoff (not of a server-requested delay). Default 8000. */
  maxDelayMs?: number;
  /** Response statuses that are retried. Default [429, 503]. */
  statuses?: number[];
  /** Retry POST/PATCH too. Only safe when the server deduplicates; an `Idempotency-Key` header does the same per request. */
  retryNonIdempotent?: boolean;
  /** A longer `Retry-After` is not waited for: the response is returned as it is. Default 60 000. */
  maxRetryAfterMs?: number;
}

/** `typeof fetch` fits; so does any function that only takes a Request (all that openapi-fetch passes). */
export type FetchLike = (request: Request, init?: RequestInit) => Promise<Response>;

export interface RetryFetchOptions {
  fetch?: FetchLike;
  retry?: RetryOptions | false;
  /**
   * Per attempt, from sending until the whole response (headers and body) has arrived. Default 60 000; 0 or
   * Infinity disables it.
   */
  timeoutMs?: number;
  /** Largest response body accepted, in bytes; a longer one is an ApiResponseError. Default 8 MiB. */
  maxResponseBytes?: number;
  /** Aborts every request made through this fetch (in addition to each request's own signal). */
  signal?: AbortSignal;
  /** Waits between attempts; must reject when `signal` aborts. Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What openapi-fetch calls as `fetch(request, requestInitExt)`; the second argument (undici `dispatcher`, ...) is passed on. */
export type RetryFetch = FetchLike;

interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  statuses: ReadonlySet<number>;
  retryNonIdempotent: boolean;
  maxRetryAfterMs: number;
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** setTimeout fires after 1 ms for anything above 2^31-1 ms, so longer waits are clamped to this. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * A `fetch` for openapi-fetch's `createClient({ fetch })`. It sits below the middleware, so every retry
 * resends the request exactly as the auth middleware signed it. Resolves with the last response for any
 * HTTP status, its body already read into memory within the attempt (so that the timeout, the retries and a
 * size limit cover the body too); rejects with ApiConnectionError, ApiTimeoutError, ApiUserAbortError or
 * ApiResponseError (a SessionkitError thrown by the inner fetch passes through unchanged and is not retried).
 */
export function createRetryFetch(options: RetryFetchOptions = {}): RetryFetch {
  const policy = resolvePolicy(options.retry);
  const timeoutMs = resolveTimeout(options.timeoutMs);
  const maxBytes = resolveMaxBytes(options.maxResponseBytes);
  const sleep = options.sleep ?? abortableSleep;

  return async function retryFetch(request: Request, init?: RequestInit): Promise<Response> {
    const callers = callerSignals([options.signal, request.signal, init?.signal ?? undefined]);
    const mayRetry = policy.retryNonIdempotent || isIdempotent(request);
    // Every attempt sends the held body (held-body.ts), so none touches the Request's stream. Outside the try: a
    // request whose body is already used is a programming error, not a network failure.
    const fields = { ...requestInit(request), body: await requestBody(request) };
    const injected = options.fetch;
    const send: Send = injected
      ? (signal) => {
          // An injected fetch gets a Request: test doubles and users' wrappers take one.
          const attempt = new Request(request.url, { ...fields, signal });
          return init ? injected(attempt, { ...init, signal }) : injected(attempt);
        }
      : // The global fetch, read per attempt so that one replaced after client creation is used, gets the URL and
        // init: a Request would be re-wrapped inside it, its body piped through one more stream.
        (signal) => globalThis.fetch(request.url, { ...fields, ...init, signal });

    const pause = async (ms: number): Promise<void> => {
      const caller = linkSignals(callers);
      try {
        await abortable(sleep(ms, caller.signal), caller.signal);
      } catch (error) {
        if (caller.signal.aborted) throw new ApiUserAbortError();
        throw error;
      } finally {
        caller.unlink();
      }
    };

    for (let attempt = 0; ; attempt++) {
      if (anyAborted(callers)) throw new ApiUserAbortError();
      const retriesLeft = policy.maxRetries - attempt;
      const outcome = await sendAttempt(send, request, callers, timeoutMs, maxBytes);

      if (outcome.kind === "response") {
        const delay = retryDelay(outcome.response, attempt, retriesLeft, mayRetry, policy);
        if (delay === undefined) {
          recordSentRequest(outcome.response, request);
          return outcome.response;
        }
        discard(outcome.response);
        await pause(delay);
        continue;
      }
      if (anyAborted(callers)) throw new ApiUserAbortError();
      if (outcome.kind === "fatal") throw outcome.error;
      if (!mayRetry || retriesLeft <= 0) {
        throw outcome.kind === "timeout"
          ? new ApiTimeoutError(`Request timed out after ${timeoutMs} ms; ${attempt + 1} attempt(s) made.`)
          : connectionErrorFrom(outcome.error, request);
      }
      await pause(backoffDelay(attempt, policy));
    }
  };
}

type AttemptOutcome =
  | { kind: "response"; response: Response }
  | { kind: "timeout" }
  | { kind: "network"; error: unknown }
  | { kind: "fatal"; error: unknown };

type Send = (signal: AbortSignal) => Promise<Response>;

/**
 * One try: its own AbortController, aborted by its timer (headers and body) or by any of the caller's signals. The
 * fetch is raced against it as well, in case it ignores the signal (a replaced global fetch, a test double).
 */
async function sendAttempt(
  send: Send,
  request: Request,
  callers: readonly AbortSignal[],
  timeoutMs: number,
  maxBytes: number,
): Promise<AttemptOutcome> {
  const attempt = linkSignals(callers);
  const signal = attempt.signal;
  const timer = timeoutMs > 0 ? setTimeout(abortForTimeout, timeoutMs, attempt.controller) : undefined;
  try {
    const pending = send(signal);
    const response = await abortable(pending, signal, discard);
    // A body cut off by a reset is a "network" outcome of this attempt, retried like a reset before the headers.
    const buffered = await bufferResponse(response, request, signal, maxBytes);
    return { kind: "response", response: buffered };
  } catch (error) {
    if (signal.reason instanceof AttemptTimeout) return { kind: "timeout" };
    if (error instanceof SessionkitError && !(error instanceof ApiConnectionError)) return { kind: "fatal", error };
    return { kind: "network", error };
  } finally {
    clearTimeout(timer);
    attempt.unlink();
  }
}

/** Marks an abort as ours (the attempt's timer) rather than the caller's. */
class AttemptTimeout extends Error {
  override name = "TimeoutError";
}

function abortForTimeout(controller: AbortController): void {
  controller.abort(new AttemptTimeout("attempt timed out"));
}

/** Bound to a controller (no per-call closure) and used as an `abort` listener on another signal. */
function abortFromEvent(this: AbortController, event: Event): void {
  this.abort((event.target as AbortSignal).reason);
}

/** The distinct signals that abort a call: the client's, the request's own, and one passed with the fetch. */
function callerSignals(signals: (AbortSignal | undefined)[]): AbortSignal[] {
  const out: AbortSignal[] = [];
  for (const signal of signals) if (signal && !out.includes(signal)) out.push(signal);
  return out;
}

function anyAborted(signals: readonly AbortSignal[]): boolean {
  return signals.some((signal) => signal.aborted);
}

/**
 * A controller that aborts when any of `sources` does. Done by hand with listeners removed in `unlink()` instead
 * of AbortSignal.any: on Node 20 (and later for observed composites) AbortSignal.any retains an entry
 * per call on a long-lived source signal (nodejs/node#55351), and `options.signal` lives as long as the client.
 */
function linkSignals(sources: readonly AbortSignal[]): {
  controller: AbortController;
  signal: AbortSignal;
  unlink(): void;
} {
  const controller = new AbortController();
  const onAbort = abortFromEvent.bind(controller);
  let linked = 0;
  for (const source of sources) {
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    source.addEventListener("abort", onAbort);
    linked++;
  }
  return {
    controller,
    signal: controller.signal,
    unlink() {
      for (let i = 0; i < linked; i++) sources[i]!.removeEventListener("abort", onAbort);
    },
  };
}

/**
 * Milliseconds to wait before retrying this response, or undefined to hand it back. `x-should-retry`
 * is the server's own verdict, so it overrides both the status list and the method rule.
 */
function retryDelay(
  response: Response,
  attempt: number,
  retriesLeft: number,
  mayRetry: boolean,
  policy: RetryPolicy,
): number | undefined {
  if (retriesLeft <= 0) return undefined;
  const verdict = response.headers.get("x-should-retry")?.trim().toLowerCase();
  const wanted = verdict === "true" || (verdict !== "false" && mayRetry && policy.statuses.has(response.status));
  if (!wanted) return undefined;
  const requested = parseRetryAfter(response.headers);
  if (requested === undefined) return backoffDelay(attempt, policy);
  return requested <= policy.maxRetryAfterMs ? requested : undefined;
}

/** 0.5 s·2^n capped at maxDelayMs, minus up to 25% jitter so that clients do not retry in lockstep. */
function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  return ceiling * (1 - Math.random() * 0.25);
}

function isIdempotent(request: Request): boolean {
  return IDEMPOTENT_METHODS.has(request.method.toUpperCase()) || request.headers.has("idempotency-key");
}

/**
 * Wraps a fetch failure (here, or while the caller reads a response body) in ApiConnectionError. undici
 * throws `TypeError("fetch failed")` / `TypeError("terminated")` with the real reason in `cause`
 * ("connect ECONNREFUSED 127.0.0.1:4010"), so the message is built from that. The request's query
 * string and header values are scrubbed from the message, and from `cause` if it carries them.
 */
export function connectionErrorFrom(error: unknown, request: Request): ApiConnectionError {
  if (error instanceof ApiConnectionError) return error;
  let detail: string;
  if (isErrorLike(error) && error.name === "TypeError" && isErrorLike(error.cause)) {
    detail = error.message === "fetch failed" ? describe(error.cause) : `${error.message}: ${describe(error.cause)}`;
  } else detail = describe(error);
  return new ApiConnectionError(`Connection error: ${scrub(detail, request)}`, {
    cause: scrubCause(error, request, 0),
  });
}

type ErrorLike = Error & { code?: unknown; errors?: unknown };

/**
 * Duck-typed rather than `instanceof Error`: undici's errors come from Node's own realm, which is not
 * the caller's under jest's vm context or in any other-realm fetch.
 */
function isErrorLike(value: unknown): value is ErrorLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Error).message === "string" &&
    typeof (value as Error).name === "string"
  );
}

function describe(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  // Node's happy-eyeballs connect failure is an AggregateError with an empty message.
  const nested = Array.isArray(error.errors) ? (error.errors[0] as unknown) : undefined;
  const text = error.message || (isErrorLike(nested) ? nested.message : "") || error.name;
  return typeof error.code === "string" && !text.includes(error.code) ? `${text} (${error.code})` : text;
}

/** The error itself when no message in its cause chain holds a secret of the request; else a scrubbed copy. */
function scrubCause(error: unknown, request: Request, depth: number): unknown {
  if (!isErrorLike(error) || depth > 4) return error;
  const message = scrub(error.message, request);
  const cause = scrubCause(error.cause, request, depth + 1);
  if (message === error.message && cause === error.cause) return error;
  const copy = new Error(message, cause === undefined ? undefined : { cause });
  copy.name = error.name;
  if (typeof error.code === "string") Object.assign(copy, { code: error.code });
  return copy;
}

/** Removes the URL's query string and every header value of the request from a library's message. */
function scrub(text: string, request: Request): string {
  let out = text;
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    url = undefined;
  }
  if (url?.search) out = out.split(url.search).join("?[REDACTED]");
  const secrets: string[] = [];
  if (url) {
    for (const [, value] of url.searchParams) secrets.push(value, encodeURIComponent(value));
    secrets.push(
      ...url.search
        .slice(1)
        .split("&")
        .map((pair) => pair.slice(pair.indexOf("=") + 1)),
    );
  }
  for (const [, value] of request.headers) secrets.push(value);
  return redactText(
    out,
    secrets.sort((a, b) => b.length - a.length),
  );
}

/** setTimeout-based wait that rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(Math.max(0, ms), MAX_TIMER_MS),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function resolvePolicy(retry: RetryOptions | false | undefined): RetryPolicy {
  const options = retry === false ? { maxRetries: 0 } : (retry ?? {});
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? 2,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8000,
    statuses: new Set(options.statuses ?? [429, 503]),
    retryNonIdempotent: options.retryNonIdempotent ?? false,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
  };
  if (!Number.isInteger(policy.maxRetries) || policy.maxRetries < 0) {
    throw new ConfigurationError(`retry.maxRetries must be a non-negative integer, got ${policy.maxRetries}`);
  }
  for (const key of ["baseDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) {
    if (!(policy[key] >= 0)) throw new ConfigurationError(`retry.${key} must be >= 0, got ${policy[key]}`);
  }
  return policy;
}

function resolveMaxBytes(value: number | undefined): number {
  const max = value ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(max > 0)) throw new ConfigurationError(`maxResponseBytes must be > 0, got ${max}`);
  return max;
}

function resolveTimeout(timeoutMs: number | undefined): number {
  const value = timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(value >= 0)) throw new ConfigurationError(`timeoutMs must be >= 0, got ${value}`);
  // Infinity (or anything setTimeout cannot hold) means "no timer", like 0.
  return value > MAX_TIMER_MS ? 0 : value;
}
