import { getEventListeners } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import {
  ApiConnectionError,
  ApiResponseError,
  ApiTimeoutError,
  ApiUserAbortError,
  ConfigurationError,
} from "../src/errors";
import { abortableSleep, connectionErrorFrom, createRetryFetch } from "../src/retry-fetch";

const URL_ = "http://api.test/v1/things";

/** One scripted answer: a status, a ready Response, an error to throw, or a request that never settles. */
type Step =
  | number
  | Response
  | Error
  | "hang" // settles only by rejecting when the attempt's signal aborts, like real fetch
  | "ignore-signal" // never settles, whatever happens to the signal
  | ((request: Request) => Response | Promise<Response>);

interface Call {
  request: Request;
  signal: AbortSignal;
  body: Promise<string>;
}

/** A fetch double that answers with `steps` in order (the last one repeats) and records every attempt. */
function scriptedFetch(...steps: Step[]) {
  const calls: Call[] = [];
  let notify: (() => void) | undefined;
  const fetch = async (request: Request): Promise<Response> => {
    calls.push({ request, signal: request.signal, body: request.text() });
    notify?.();
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]!;
    if (typeof step === "number") return new Response(`status ${step}`, { status: step });
    if (step instanceof Response) return step;
    if (step instanceof Error) throw step;
    if (step === "ignore-signal") return new Promise<Response>(() => {});
    if (step === "hang") {
      return new Promise<Response>((_, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
      });
    }
    return step(request);
  };
  /** Resolves once `n` attempts have started. */
  const attempts = (n: number): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (calls.length >= n) resolve();
      };
      notify = check;
      check();
    });
  return { fetch, calls, attempts };
}

function reply(status: number, headers: Record<string, string> = {}, body = `status ${status}`): Response {
  return new Response(body, { status, headers });
}

/** Records requested waits and returns at once (rejecting like a real sleep if already aborted). */
function recordingSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    waits.push(ms);
    signal?.throwIfAborted();
  };
  return { sleep, waits };
}

function request(method = "GET", init: RequestInit = {}, url = URL_): Request {
  return new Request(url, { method, ...init });
}

beforeEach(() => {
  // No jitter unless a test asks for it: backoff is then exactly base·2^n.
  jest.spyOn(Math, "random").mockReturnValue(0);
});
afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

describe("retry counts per status", () => {
  it.each([429, 503])("retries %i twice by default, then returns the last response", async (status) => {
    const { fetch, calls } = scriptedFetch(status);
    const { sleep } = recordingSleep();
    const response = await createRetryFetch({ fetch, sleep })(request());
    expect(calls).toHaveLength(3);
    expect(response.status).toBe(status);
    expect(await response.text()).toBe(`status ${status}`);
  });

  it("stops at the first success", async () => {
    const { fetch, calls } = scriptedFetch(503, 429, 200, 503);
    const { sleep } = recordingSleep();
    const response = await createRetryFetch({ fetch, sleep })(request());
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it.each([400, 401, 404, 408, 409, 500, 502, 504])("does not retry %i by default", async (status) => {
    const { fetch, calls } = scriptedFetch(status, 200);
    const { sleep, waits } = recordingSleep();
    const response = await createRetryFetch({ fetch, sleep })(request());
    expect(response.status).toBe(status);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("uses the configured statuses instead of the defaults", async () => {
    const { fetch, calls } = scriptedFetch(500, 502, 503);
    const { sleep } = recordingSleep();
    const response = await createRetryFetch({ fetch, sleep, retry: { statuses: [500, 502] } })(request());
    expect(response.status).toBe(503);
    expect(calls).toHaveLength(3);
  });

  it.each([
    [{ maxRetries: 0 }, 1],
    [false as const, 1],
    [{ maxRetries: 1 }, 2],
    [{ maxRetries: 4 }, 5],
  ])("retry %j makes %i attempts", async (retry, attempts) => {
    const { fetch, calls } = scriptedFetch(503);
    const { sleep } = recordingSleep();
    await createRetryFetch({ fetch, sleep, retry })(request());
    expect(calls).toHaveLength(attempts);
  });

  it("cancels the body of every response it discards and leaves the returned one readable", async () => {
    const responses = [reply(503), reply(503), reply(200, {}, "final")];
    const { fetch } = scriptedFetch(...responses);
    const { sleep } = recordingSleep();
    const response = await createRetryFetch({ fetch, sleep })(request());
    expect(response.status).toBe(200);
    expect(responses[0]!.bodyUsed).toBe(true);
    expect(responses[1]!.bodyUsed).toBe(true);
    expect(await response.text()).toBe("final");
  });
});

describe("retry by method", () => {
  it.each(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])("retries idempotent %s", async (method) => {
    const { fetch, calls } = scriptedFetch(503);
    const { sleep } = recordingSleep();
    await createRetryFetch({ fetch, sleep })(request(method));
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.request.method === method)).toBe(true);
  });

  it.each(["POST", "PATCH"])("does not retry %s by default, on a status or a connection error", async (method) => {
    const statusFetch = scriptedFetch(503, 200);
    const { sleep, waits } = recordingSleep();
    expect((await createRetryFetch({ fetch: statusFetch.fetch, sleep })(request(method))).status).toBe(503);
    expect(statusFetch.calls).toHaveLength(1);

    const failing = scriptedFetch(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") }));
    await expect(createRetryFetch({ fetch: failing.fetch, sleep })(request(method))).rejects.toBeInstanceOf(
      ApiConnectionError,
    );
    expect(failing.calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("retries a POST that carries an Idempotency-Key", async () => {
    const { fetch, calls } = scriptedFetch(503, 200);
    const { sleep } = recordingSleep();
    const req = request("POST", { headers: { "Idempotency-Key": "k-1" }, body: "{}" });
    expect((await createRetryFetch({ fetch, sleep })(req)).status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.request.headers.get("idempotency-key"))).toEqual(["k-1", "k-1"]);
  });

  it("retries a POST with retryNonIdempotent and sends the identical JSON body and headers every time", async () => {
    const { fetch, calls } = scriptedFetch(503, 429, 200);
    const { sleep } = recordingSleep();
    const json = JSON.stringify({ email: "a@example.com", nested: { list: [1, 2, 3] }, text: "ü€😀" });
    const req = request("POST", { body: json, headers: { "content-type": "application/json", "x-trace": "t1" } });
    const response = await createRetryFetch({ fetch, sleep, retry: { retryNonIdempotent: true } })(req);
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(3);
    expect(await Promise.all(calls.map((c) => c.body))).toEqual([json, json, json]);
    for (const { request: sent } of calls) {
      expect(sent.headers.get("content-type")).toBe("application/json");
      expect(sent.headers.get("x-trace")).toBe("t1");
      expect(sent.url).toBe(URL_);
    }
    // Every attempt sent a clone: the caller's request is still unread (an auth middleware may resend it).
    expect(req.bodyUsed).toBe(false);
    expect(await req.text()).toBe(json);
  });
});

describe("delays", () => {
  it("backs off exponentially from baseDelayMs and caps at maxDelayMs", async () => {
    const { fetch } = scriptedFetch(503);
    const { sleep, waits } = recordingSleep();
    await createRetryFetch({ fetch, sleep, retry: { maxRetries: 6 } })(request());
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 8000]);

    const custom = recordingSleep();
    await createRetryFetch({ fetch, sleep: custom.sleep, retry: { baseDelayMs: 100, maxDelayMs: 300, maxRetries: 3 } })(
      request(),
    );
    expect(custom.waits).toEqual([100, 200, 300]);
  });

  it("subtracts up to 25% jitter", async () => {
    jest.spyOn(Math, "random").mockReturnValue(0.999);
    const { fetch } = scriptedFetch(503);
    const { sleep, waits } = recordingSleep();
    await createRetryFetch({ fetch, sleep })(request());
    expect(waits[0]).toBeCloseTo(500 * (1 - 0.999 * 0.25));
    expect(waits[1]).toBeCloseTo(1000 * (1 - 0.999 * 0.25));
    expect(waits.every((w, i) => w > 0.75 * 500 * 2 ** i && w <= 500 * 2 ** i)).toBe(true);
  });

  it("waits Retry-After seconds", async () => {
    const { fetch, calls } = scriptedFetch(reply(429, { "retry-after": "3" }), 200);
    const { sleep, waits } = recordingSleep();
    expect((await createRetryFetch({ fetch, sleep })(request())).status).toBe(200);
    expect(waits).toEqual([3000]);
    expect(calls).toHaveLength(2);
  });

  it("waits until a Retry-After HTTP date", async () => {
    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    jest.spyOn(Date, "now").mockReturnValue(now);
    const { fetch } = scriptedFetch(reply(503, { "retry-after": new Date(now + 7000).toUTCString() }), 200);
    const { sleep, waits } = recordingSleep();
    await createRetryFetch({ fetch, sleep })(request());
    expect(waits).toEqual([7000]);
  });

  it("prefers retry-after-ms over retry-after", async () => {
    const { fetch } = scriptedFetch(reply(429, { "retry-after-ms": "1500", "retry-after": "9" }), 200);
    const { sleep, waits } = recordingSleep();
    await createRetryFetch({ fetch, sleep })(request());
    expect(waits).toEqual([1500]);
  });

  it("falls back to backoff when Retry-After is unparsable", async () => {
    const { fetch } = scriptedFetch(reply(429, { "retry-after": "soon" }), 200);
    const { sleep, waits } = recordingSleep();
    await createRetryFetch({ fetch, sleep })(request());
    expect(waits).toEqual([500]);
  });

  it("returns the response instead of waiting for a Retry-After above maxRetryAfterMs", async () => {
    const { fetch, calls } = scriptedFetch(reply(429, { "retry-after": "120" }), 200);
    const { sleep, waits } = recordingSleep();
    const response = await createRetryFetch({ fetch, sleep })(request());
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("120");
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("waits a Retry-After exactly at the cap, and a longer one when the cap is raised", async () => {
    const atCap = scriptedFetch(reply(503, { "retry-after-ms": "60000" }), 200);
    const first = recordingSleep();
    expect((await createRetryFetch({ fetch: atCap.fetch, sleep: first.sleep })(request())).status).toBe(200);
    expect(first.waits).toEqual([60_000]);

    const raised = scriptedFetch(reply(429, { "retry-after": "120" }), 200);
    const second = recordingSleep();
    const retryFetch = createRetryFetch({
      fetch: raised.fetch,
      sleep: second.sleep,
      retry: { maxRetryAfterMs: 120_000 },
    });
    expect((await retryFetch(request())).status).toBe(200);
    expect(second.waits).toEqual([120_000]);
  });
});

describe("x-should-retry", () => {
  it("true retries a status that is not in the list", async () => {
    const { fetch, calls } = scriptedFetch(reply(400, { "x-should-retry": "true" }), 200);
    const { sleep } = recordingSleep();
    expect((await createRetryFetch({ fetch, sleep })(request())).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it("true retries a POST: the server says the request had no effect", async () => {
    const { fetch, calls } = scriptedFetch(reply(500, { "x-should-retry": "TRUE" }), 201);
    const { sleep } = recordingSleep();
    expect((await createRetryFetch({ fetch, sleep })(request("POST", { body: "x" }))).status).toBe(201);
    expect(calls).toHaveLength(2);
  });

  it("false stops a retry the status would get", async () => {
    const { fetch, calls } = scriptedFetch(reply(503, { "x-should-retry": "false" }), 200);
    const { sleep } = recordingSleep();
    expect((await createRetryFetch({ fetch, sleep })(request())).status).toBe(503);
    expect(calls).toHaveLength(1);
  });

  it("cannot re-enable retries that were switched off, nor exceed maxRetries", async () => {
    const off = scriptedFetch(reply(503, { "x-should-retry": "true" }));
    const { sleep } = recordingSleep();
    await createRetryFetch({ fetch: off.fetch, sleep, retry: false })(request());
    expect(off.calls).toHaveLength(1);

    const bounded = scriptedFetch(reply(400, { "x-should-retry": "true" }));
    await createRetryFetch({ fetch: bounded.fetch, sleep, retry: { maxRetries: 1 } })(request());
    expect(bounded.calls).toHaveLength(2);
  });

  it("still respects the Retry-After cap", async () => {
    const { fetch, calls } = scriptedFetch(reply(400, { "x-should-retry": "true", "retry-after": "3600" }));
    const { sleep } = recordingSleep();
    expect((await createRetryFetch({ fetch, sleep })(request())).status).toBe(400);
    expect(calls).toHaveLength(1);
  });
});

describe("abort", () => {
  it("rejects at once without sending when options.signal is already aborted", async () => {
    const { fetch, calls } = scriptedFetch(200);
    const signal = AbortSignal.abort();
    await expect(createRetryFetch({ fetch, signal })(request())).rejects.toBeInstanceOf(ApiUserAbortError);
    expect(calls).toHaveLength(0);
  });

  it("request.signal aborting during the request rejects with ApiUserAbortError and does not retry", async () => {
    const { fetch, calls, attempts } = scriptedFetch("hang", 200);
    const { sleep, waits } = recordingSleep();
    const controller = new AbortController();
    const pending = createRetryFetch({ fetch, sleep })(request("GET", { signal: controller.signal }));
    await attempts(1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ApiUserAbortError);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(waits).toEqual([]);
  });

  it("init.signal (openapi-fetch's second argument) is honoured too", async () => {
    const { fetch, attempts } = scriptedFetch("hang");
    const controller = new AbortController();
    const pending = createRetryFetch({ fetch })(request(), { signal: controller.signal });
    await attempts(1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ApiUserAbortError);
  });

  it("interrupts a real backoff sleep at once", async () => {
    const { fetch, calls, attempts } = scriptedFetch(reply(503, { "retry-after": "30" }), 200);
    const controller = new AbortController();
    const started = Date.now();
    const pending = createRetryFetch({ fetch, signal: controller.signal })(request());
    await attempts(1);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(ApiUserAbortError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(calls).toHaveLength(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("interrupts an injected sleep that ignores the signal", async () => {
    const { fetch, calls, attempts } = scriptedFetch(503, 200);
    const controller = new AbortController();
    let sleeping!: () => void;
    const asleep = new Promise<void>((resolve) => (sleeping = resolve));
    const sleep = (): Promise<void> => {
      sleeping();
      return new Promise<void>(() => {});
    };
    const pending = createRetryFetch({ fetch, sleep, signal: controller.signal })(request());
    await attempts(1);
    await asleep;
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ApiUserAbortError);
    expect(calls).toHaveLength(1);
  });

  it("aborts even a fetch that ignores its signal", async () => {
    const { fetch, attempts } = scriptedFetch("ignore-signal");
    const controller = new AbortController();
    const pending = createRetryFetch({ fetch, signal: controller.signal })(request());
    await attempts(1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ApiUserAbortError);
  });

  it("leaves no listener on the caller's signals, whatever the outcome", async () => {
    const controller = new AbortController();
    const perRequest = new AbortController();
    const { sleep } = recordingSleep();
    const outcomes = [
      scriptedFetch(503, 200).fetch,
      scriptedFetch(new TypeError("fetch failed", { cause: new Error("socket hang up") })).fetch,
      scriptedFetch(reply(429, { "retry-after": "999" })).fetch,
      scriptedFetch(new ConfigurationError("fatal")).fetch,
    ];
    // undici's Request constructor itself follows the signal it is given; only count what the retry fetch adds.
    const requests = outcomes.map(() => request("GET", { signal: perRequest.signal }));
    const before = getEventListeners(perRequest.signal, "abort").length;
    for (const [i, fetch] of outcomes.entries()) {
      await createRetryFetch({ fetch, sleep, signal: controller.signal })(requests[i]!).catch(() => undefined);
    }
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(getEventListeners(perRequest.signal, "abort")).toHaveLength(before);
  });
});

describe("timeout per attempt", () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask", "setImmediate"] });
  });

  it("gives every attempt its own timer and throws ApiTimeoutError when retries run out", async () => {
    const { fetch, calls } = scriptedFetch("hang");
    const { sleep, waits } = recordingSleep();
    const pending = createRetryFetch({ fetch, sleep, timeoutMs: 1000 })(request());
    const outcome = pending.catch((error: unknown) => error);

    await jest.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signal.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls).toHaveLength(2);
    // The second attempt started at t=1000 and gets a full second of its own.
    await jest.advanceTimersByTimeAsync(999);
    expect(calls[1]!.signal.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls[1]!.signal.aborted).toBe(true);
    expect(calls).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1000);

    const error = await outcome;
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as Error).message).toBe("Request timed out after 1000 ms; 3 attempt(s) made.");
    expect(waits).toEqual([500, 1000]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("a timed-out attempt is retried and a later success returned", async () => {
    const { fetch, calls } = scriptedFetch("hang", 200);
    const { sleep } = recordingSleep();
    const pending = createRetryFetch({ fetch, sleep, timeoutMs: 1000 })(request());
    await jest.advanceTimersByTimeAsync(1000);
    expect((await pending).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it("a non-idempotent request times out after one attempt", async () => {
    const { fetch, calls } = scriptedFetch("hang");
    const pending = createRetryFetch({ fetch, timeoutMs: 1000 })(request("POST", { body: "x" }));
    const outcome = pending.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(1000);
    expect(await outcome).toBeInstanceOf(ApiTimeoutError);
    expect(calls).toHaveLength(1);
  });

  it("a response that arrives in time is returned whole and leaves no timer behind", async () => {
    const slow = (): Promise<Response> =>
      new Promise((resolve) => setTimeout(() => resolve(reply(200, {}, "late but fine")), 900));
    const { fetch, calls } = scriptedFetch(slow);
    const pending = createRetryFetch({ fetch, timeoutMs: 1000 })(request());
    await jest.advanceTimersByTimeAsync(900);
    const response = await pending;
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(5000);
    expect(calls[0]!.signal.aborted).toBe(false);
    expect(await response.text()).toBe("late but fine");
  });

  it("times out a fetch that ignores its signal and cancels the response that arrives too late", async () => {
    let resolveLate!: (response: Response) => void;
    const late = reply(200, {}, "too late");
    const { fetch } = scriptedFetch(() => new Promise<Response>((resolve) => (resolveLate = resolve)));
    const pending = createRetryFetch({ fetch, timeoutMs: 1000, retry: false })(request());
    const outcome = pending.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(1000);
    expect(await outcome).toBeInstanceOf(ApiTimeoutError);
    resolveLate(late);
    await Promise.resolve();
    await Promise.resolve();
    expect(late.bodyUsed).toBe(true);
  });

  it("timeoutMs 0 disables the timer", async () => {
    const { fetch, calls } = scriptedFetch("hang");
    const controller = new AbortController();
    const pending = createRetryFetch({ fetch, timeoutMs: 0, signal: controller.signal })(request());
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signal.aborted).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ApiUserAbortError);
  });
});

describe("connection errors", () => {
  const refused = (): TypeError =>
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
    });

  it("retries, then wraps the last failure in ApiConnectionError with undici's cause as the message", async () => {
    const failure = refused();
    const { fetch, calls } = scriptedFetch(refused(), refused(), failure);
    const { sleep, waits } = recordingSleep();
    const error = await createRetryFetch({ fetch, sleep })(request()).catch((e: unknown) => e);
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).not.toBeInstanceOf(ApiTimeoutError);
    expect((error as Error).message).toBe("Connection error: connect ECONNREFUSED 127.0.0.1:9");
    expect((error as Error).cause).toBe(failure);
  });

  it("recovers when a retry succeeds", async () => {
    const { fetch, calls } = scriptedFetch(refused(), 200);
    const { sleep } = recordingSleep();
    expect((await createRetryFetch({ fetch, sleep })(request())).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it("describes Node's empty-message AggregateError by its first error", async () => {
    const aggregate = Object.assign(
      new AggregateError([new Error("connect ECONNREFUSED ::1:9"), new Error("connect ECONNREFUSED 127.0.0.1:9")], ""),
      { code: "ECONNREFUSED" },
    );
    const { fetch } = scriptedFetch(new TypeError("fetch failed", { cause: aggregate }));
    const error = await createRetryFetch({ fetch, retry: false })(request()).catch((e: unknown) => e);
    expect((error as Error).message).toBe("Connection error: connect ECONNREFUSED ::1:9");
  });

  it("appends an error code the message does not already name", async () => {
    const cause = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    const { fetch } = scriptedFetch(new TypeError("fetch failed", { cause }));
    const error = await createRetryFetch({ fetch, retry: false })(request()).catch((e: unknown) => e);
    expect((error as Error).message).toBe("Connection error: other side closed (UND_ERR_SOCKET)");
  });

  it("never puts the query string or a header value into the message, the cause or inspect output", async () => {
    const url = "http://api.test/v1/me?api_key=qsecret-123&page=2";
    const headers = { authorization: "Bearer hdr-secret-456", "x-api-key": "key-789-secret", cookie: "sid=cookie-0ab" };
    const leaky = new TypeError("fetch failed", {
      cause: new Error(`bad ${url} sent Bearer hdr-secret-456 key-789-secret sid=cookie-0ab`),
    });
    const { fetch } = scriptedFetch(leaky);
    const error = await createRetryFetch({ fetch, retry: false })(request("GET", { headers }, url)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiConnectionError);
    const everything = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })].join("\n");
    for (const secret of ["qsecret-123", "hdr-secret-456", "key-789-secret", "cookie-0ab", "page=2"]) {
      expect(everything).not.toContain(secret);
    }
    expect((error as Error).message).toContain("http://api.test/v1/me?[REDACTED]");
    expect(((error as Error).cause as Error).name).toBe("TypeError");
  });

  it("rethrows a sessionkit error from the fetch as it is, without retrying", async () => {
    const misconfigured = new ConfigurationError("bad baseUrl");
    const { fetch, calls } = scriptedFetch(misconfigured);
    await expect(createRetryFetch({ fetch })(request())).rejects.toBe(misconfigured);
    expect(calls).toHaveLength(1);
  });

  it("connectionErrorFrom keeps the context of a body-read failure ('terminated')", () => {
    const cause = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    const wrapped = connectionErrorFrom(new TypeError("terminated", { cause }), request());
    expect(wrapped.message).toBe("Connection error: terminated: other side closed (UND_ERR_SOCKET)");
  });
});

describe("options", () => {
  it.each([
    [{ retry: { maxRetries: -1 } }],
    [{ retry: { maxRetries: 1.5 } }],
    [{ retry: { baseDelayMs: Number.NaN } }],
    [{ timeoutMs: -5 }],
  ])("rejects %j", (options) => {
    expect(() => createRetryFetch(options)).toThrow(ConfigurationError);
  });

  it("passes openapi-fetch's extra init (undici dispatcher, ...) through with the attempt's signal", async () => {
    const seen: (RequestInit | undefined)[] = [];
    const fetch = async (_request: Request, init?: RequestInit): Promise<Response> => {
      seen.push(init);
      return reply(200);
    };
    const dispatcher = { marker: true };
    await createRetryFetch({ fetch })(request(), { dispatcher } as RequestInit);
    expect((seen[0] as { dispatcher?: unknown }).dispatcher).toBe(dispatcher);
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal);
  });
});

describe("abortableSleep", () => {
  it("resolves after the delay and rejects with the reason on abort", async () => {
    const started = Date.now();
    await abortableSleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);

    const controller = new AbortController();
    const pending = abortableSleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    await expect(abortableSleep(10, AbortSignal.abort(new Error("early")))).rejects.toThrow("early");
  });
});

describe("against a real server on 127.0.0.1", () => {
  let server: Server;
  let base: string;
  const hits = new Map<string, number>();
  const bodies = new Map<string, { body: string; length: string | undefined }[]>();

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, n: number, body: string) => void> = {
    // 503 (Retry-After: 0) on the first hit, 200 with what was received afterwards.
    "/flaky": (_req, res, n, body) => {
      if (n === 1) res.writeHead(503, { "retry-after": "0" }).end("busy");
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ n, body }));
    },
    // Headers queued, then the socket is destroyed before anything is flushed: fetch itself fails.
    "/reset": (_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.socket?.destroy();
    },
    // Headers and part of the body flushed, then reset: fetch resolves, reading the body fails.
    "/reset-body": (_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("partial", () => res.socket?.destroy());
    },
    "/hang": () => {},
    "/stall-body": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"partial":');
    },
    "/endless": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = "x".repeat(64 * 1024);
      const pump = (): void => {
        while (!res.destroyed) if (!res.write(chunk)) return void res.once("drain", pump);
      };
      pump();
    },
    "/status-999": (_req, res) => res.writeHead(999).end("?"),
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const n = (hits.get(path) ?? 0) + 1;
      hits.set(path, n);
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        bodies.set(path, [...(bodies.get(path) ?? []), { body, length: req.headers["content-length"] }]);
        (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(req, res, n, body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    hits.clear();
    bodies.clear();
  });

  const fast = { baseDelayMs: 1, maxDelayMs: 5 };

  it("503 then 200: retried once, the 200 returned", async () => {
    const response = await createRetryFetch({ retry: fast, timeoutMs: 2000 })(new Request(`${base}/flaky`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ n: 2, body: "" });
    expect(hits.get("/flaky")).toBe(2);
  }, 10_000);

  it("a POST opted in to retries arrives twice with the same body and Content-Length", async () => {
    const json = JSON.stringify({ password: "pw", list: [1, 2, 3], text: "ü€" });
    const req = new Request(`${base}/flaky`, {
      method: "POST",
      body: json,
      headers: { "content-type": "application/json" },
    });
    const retryFetch = createRetryFetch({ retry: { ...fast, retryNonIdempotent: true }, timeoutMs: 2000 });
    const response = await retryFetch(req);
    expect(response.status).toBe(200);
    const length = String(Buffer.byteLength(json));
    expect(bodies.get("/flaky")).toEqual([
      { body: json, length },
      { body: json, length },
    ]);
  }, 10_000);

  it("connection refused on a closed port: retried, then ApiConnectionError naming ECONNREFUSED", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    let attempts = 0;
    const counting = (req: Request, init?: RequestInit): Promise<Response> => {
      attempts++;
      return globalThis.fetch(req, init);
    };
    const url = `http://127.0.0.1:${port}/v1/me?api_key=qsecret-123`;
    const error = await createRetryFetch({ fetch: counting, retry: fast, timeoutMs: 2000 })(
      new Request(url, { headers: { authorization: "Bearer hdr-secret-456" } }),
    ).catch((e: unknown) => e);
    expect(attempts).toBe(3);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as Error).message).toMatch(/^Connection error: .*ECONNREFUSED/);
    // undici's errors come from Node's realm, not jest's: compare names, not constructors.
    expect(((error as Error).cause as Error).name).toBe("TypeError");
    expect(inspect(error, { depth: 10 })).not.toMatch(/qsecret-123|hdr-secret-456/);
  }, 10_000);

  it("connection reset before the response: retried, then ApiConnectionError", async () => {
    const error = await createRetryFetch({ retry: fast, timeoutMs: 2000 })(new Request(`${base}/reset`)).catch(
      (e: unknown) => e,
    );
    expect(hits.get("/reset")).toBe(3);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as Error).message).toMatch(/^Connection error: .*(other side closed|socket hang up|ECONNRESET)/);
  }, 10_000);

  it("connection reset mid-body: the body is read within the attempt, so it is retried, then ApiConnectionError", async () => {
    const req = new Request(`${base}/reset-body`);
    const error = await createRetryFetch({ retry: fast, timeoutMs: 2000 })(req).catch((e: unknown) => e);
    expect(hits.get("/reset-body")).toBe(3);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as Error).message).toMatch(/^Connection error: terminated: /);
  }, 10_000);

  it("connection reset mid-body of a POST: not retried, ApiConnectionError", async () => {
    const error = await createRetryFetch({ retry: fast, timeoutMs: 2000 })(
      new Request(`${base}/reset-body`, { method: "POST", body: "{}" }),
    ).catch((e: unknown) => e);
    expect(hits.get("/reset-body")).toBe(1);
    expect(error).toBeInstanceOf(ApiConnectionError);
  }, 10_000);

  it("headers, then a body that stalls: the per-attempt timer covers the body, each attempt times out", async () => {
    const started = Date.now();
    const error = await createRetryFetch({ retry: fast, timeoutMs: 100 })(new Request(`${base}/stall-body`)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(hits.get("/stall-body")).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  }, 10_000);

  it("an endless body stops at maxResponseBytes with ApiResponseError, and is not retried", async () => {
    const error = await createRetryFetch({ retry: fast, maxResponseBytes: 1024 * 1024 })(
      new Request(`${base}/endless`),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiResponseError);
    expect((error as Error).message).toContain("exceeds the 1048576-byte limit");
    expect(hits.get("/endless")).toBe(1);
  }, 10_000);

  it("a declared Content-Length above maxResponseBytes is refused before reading", async () => {
    const error = await createRetryFetch({ retry: fast, maxResponseBytes: 10 })(
      new Request(`${base}/reset-body`),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiResponseError);
    expect((error as Error).message).toContain("exceeds the 10-byte limit");
  }, 10_000);

  it("a status outside 200-599 is ApiResponseError, not a crash in the Response constructor", async () => {
    const error = await createRetryFetch({ retry: fast })(new Request(`${base}/status-999`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiResponseError);
    expect((error as Error).message).toContain("status 999");
  }, 10_000);

  it("a server that never answers: every attempt times out on its own timer, then ApiTimeoutError", async () => {
    const started = Date.now();
    const error = await createRetryFetch({ retry: fast, timeoutMs: 100 })(new Request(`${base}/hang`)).catch(
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(hits.get("/hang")).toBe(3);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3000);
  }, 10_000);
});
