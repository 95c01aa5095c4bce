// Regression tests for what the reliability suite (tests/reliability) found: callers passing the wrong types or
// injecting CR/LF, servers answering 2xx with something that is not JSON, echoing credentials back, sending
// half a cookie session or an unsigned JWT, and redirect loops that stranded the client on a dead endpoint.
import { inspect } from "node:util";
import createClient from "openapi-fetch";
import {
  type ApiError,
  ApiResponseError,
  ConfigurationError,
  MissingCredentialsError,
  type OperationTable,
  bearer,
  createApiClient,
  refreshingToken,
  requireFields,
} from "../src";
import { requestSecrets } from "../src/request-secrets";
import { base64url, fakeFetch, json, makeJwt } from "./support/fake-fetch";

const operations = {
  login: { method: "post", path: "/login", auth: "none", body: "json" },
  whoami: { method: "get", path: "/me", auth: "required" },
  form: { method: "post", path: "/form", auth: "none", body: "form" },
  text: { method: "put", path: "/items/{id}/text", auth: "none", body: "text" },
  item: { method: "get", path: "/items/{id}", auth: "none" },
} as const satisfies OperationTable;
type Ops = Record<keyof typeof operations, any>;
const TOKEN = "tok_3f9a7c1e5b2d8f4a";

function client(handler: Parameters<typeof fakeFetch>[0], extra: Record<string, unknown> = {}, defExtra = {}) {
  const f = fakeFetch(handler);
  const api = createApiClient<{}, Ops, typeof operations>(
    { provider: "demo", defaultBaseUrl: "http://api.test/v1", operations, ...defExtra },
    { fetch: f.fetch, retry: false, logger: { warn() {} }, ...extra },
    [bearer(TOKEN, { provider: "demo" })],
  );
  return { api, calls: f.calls };
}

describe("requireFields", () => {
  it("reports missing fields first, then refuses a field that is neither a string nor a function", () => {
    expect(() => requireFields("demo", { a: "" }, ["a", "b"])).toThrow(MissingCredentialsError);
    expect(() => requireFields("demo", { a: 42, b: "x" }, ["a", "b"])).toThrow(
      new TypeError("[@sessionkit/demo] a must be a string, got number"),
    );
    expect(() => requireFields("demo", { a: ["x"] }, ["a"])).toThrow("a must be a string, got an array");
    expect(() => requireFields("demo", { a: { secret: "s3cr3t-value" } }, ["a"])).toThrow("got object");
    expect(() => requireFields("demo", { a: "x", b: () => "from a store" }, ["a", "b"])).not.toThrow();
  });
});

describe("request checks before anything is sent", () => {
  it.each([
    [
      "a header parameter",
      { params: { header: { "X-Trace": `a\r\nX-Injected: ${TOKEN}` } } },
      /header parameter: header "X-Trace" contains a control character/,
    ],
    ["a per-call header", { headers: { "X-Trace": "a\nb" } }, /headers: header "X-Trace" contains a control character/],
    ["a header outside Latin-1", { headers: { "X-Trace": "snow\u2603" } }, /cannot be sent in an HTTP header/],
    ["an invalid header name", { headers: { "X Bad": "v" } }, /"X Bad" is not a valid header name/],
  ])("%s with CR/LF or worse is a ConfigurationError naming the header, never its value", async (_, init, message) => {
    const { api, calls } = client(() => json(200, {}));
    const error = await api.ops.whoami(init as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(TOKEN);
    expect(calls).toEqual([]);
  });

  it("a non-string header value from a JavaScript caller is a TypeError", async () => {
    const { api, calls } = client(() => json(200, {}));
    await expect(api.ops.whoami({ headers: { "X-Count": { n: 1 } } } as never)).rejects.toThrow(TypeError);
    expect(calls).toEqual([]);
  });

  it("options.headers are checked when the client is created", () => {
    expect(() => client(() => json(200, {}), { headers: { "X-Gateway-Key": `${TOKEN}\r\n` } })).toThrow(
      /options\.headers: header "X-Gateway-Key" contains a control character/,
    );
  });

  it.each([
    ["login", { body: null }, /the body must be JSON-serialisable \(not null\), got null/],
    ["form", { body: "a=1" }, /the body must be an object, got string/],
    ["text", { params: { path: { id: "1" } }, body: 42 }, /the body must be a string, got number/],
  ])("%s with a body of the wrong kind is a TypeError", async (id, init, message) => {
    const { api, calls } = client(() => json(200, {}));
    await expect((api.ops as any)[id](init)).rejects.toThrow(message);
    expect(calls).toEqual([]);
  });

  it.each([".", ".."])("a path parameter of %j is refused (the URL parser would resolve it away)", async (id) => {
    const { api, calls } = client(() => json(200, {}));
    await expect(api.ops.item({ params: { path: { id } } })).rejects.toThrow(/path parameter "id" cannot be/);
    expect(calls).toEqual([]);
  });

  it("a baseUrl that is not a URL is quoted without its user-info", () => {
    const error = (() => {
      try {
        client(() => json(200, {}), { baseUrl: "https://ada:pa55-w0rd@ho st" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error!.message).toContain('"https://[REDACTED]@ho st"');
    expect(error!.message).not.toContain("pa55-w0rd");
  });
});

describe("2xx bodies that are not JSON", () => {
  it("malformed JSON is an ApiResponseError that does not quote the body", async () => {
    const { api } = client(
      () =>
        new Response(`{"token": "${TOKEN}", oops`, { status: 200, headers: { "content-type": "application/json" } }),
    );
    const error = await api.ops.whoami().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiResponseError);
    expect(error).toMatchObject({ status: 200, contentType: "application/json" });
    expect((error as Error).message).toMatch(/unusable 200 response: the body is not valid JSON \(GET /);
    expect(inspect(error, { depth: 5, showHidden: true })).not.toContain(TOKEN);
  });

  it("an HTML page is an ApiResponseError naming the content type", async () => {
    const { api } = client(
      () =>
        new Response("<html>portal</html>", { status: 200, headers: { "content-type": "text/html; charset=utf-8" } }),
    );
    await expect(api.ops.whoami()).rejects.toThrow("expected a JSON body, got text/html");
  });

  it("valid JSON under the wrong content type is accepted, an empty body is undefined", async () => {
    const mislabelled = client(
      () => new Response('{"ok":true}', { status: 200, headers: { "content-type": "text/plain" } }),
    );
    await expect(mislabelled.api.ops.whoami()).resolves.toEqual({ ok: true });
    const empty = client(() => new Response("", { status: 200 }));
    await expect(empty.api.ops.whoami()).resolves.toBeUndefined();
  });
});

describe("credentials a server echoes back", () => {
  it("requestSecrets finds header, cookie, query and body credentials (and their encoded forms), longest first", async () => {
    const request = new Request("http://api.test/x?api_key=k3y%2Fwith-slash&account_name=acme", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        Cookie: "session=c00kie-value-123; lang=en",
        "Content-Type": "application/json",
        "X-Gateway-Key": "gateway-key-456",
      },
      body: JSON.stringify({
        email: "ada@example.com",
        password: "hunter2-password",
        nested: { refresh_token: "rt-9876543210" },
      }),
    });
    const secrets = await requestSecrets(request);
    for (const expected of [
      `Bearer ${TOKEN}`,
      TOKEN,
      "c00kie-value-123",
      "k3y/with-slash",
      "k3y%2Fwith-slash",
      "gateway-key-456",
      "hunter2-password",
      "rt-9876543210",
    ]) {
      expect(secrets).toContain(expected);
    }
    for (const plain of ["application/json", "acme", "ada@example.com", "en"]) expect(secrets).not.toContain(plain);
    expect([...secrets].sort((a, b) => b.length - a.length)).toEqual(secrets);
  });

  it("an error repeating the server's echo masks them in the message, body, headers and inspect output", async () => {
    const { api } = client((request) =>
      json(
        401,
        { message: `token ${TOKEN} is expired`, echo: { auth: request.headers.get("authorization") } },
        {
          "www-authenticate": `Bearer error="invalid_token", token="${TOKEN}"`,
        },
      ),
    );
    const error = (await api.ops.whoami().catch((e: unknown) => e)) as ApiError<any>;
    expect(error.message).toBe("[@sessionkit/demo] 401 token [REDACTED] is expired (GET http://api.test/v1/me)");
    expect(error.body).toEqual({ message: "token [REDACTED] is expired", echo: { auth: "[REDACTED]" } });
    expect(error.headers["www-authenticate"]).toBe('Bearer error="invalid_token", token="[REDACTED]"');
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(TOKEN);
  });
});

describe("rebase redirects", () => {
  it("a move whose new endpoint only redirects again does not stick", async () => {
    const warnings: string[] = [];
    const f = fakeFetch(
      (request) =>
        new Response(null, {
          status: 307,
          headers: { location: request.url.includes("/v2/") ? "http://api.test/v1/me" : "http://eu.api.test/v2/me" },
        }),
    );
    const api = createApiClient<{}, Ops, typeof operations>(
      { provider: "demo", defaultBaseUrl: "http://api.test/v1", operations, redirects: "rebase" },
      { fetch: f.fetch, retry: false, logger: { warn: (m: string) => warnings.push(m) } },
      [bearer(TOKEN, { provider: "demo" })],
    );
    await expect(api.ops.whoami()).rejects.toMatchObject({ name: "RedirectError" });
    expect(f.calls.map((c) => c.url)).toEqual(["http://api.test/v1/me", "http://eu.api.test/v2/me"]);
    expect(api.baseUrl).toBe("http://api.test/v1");
    expect(warnings).toEqual([]);
  });
});

describe("refreshingToken", () => {
  it("refuses an unsigned JWT even when the expiry comes separately (as in a login reply's expires_at)", () => {
    const unsigned = `${base64url(JSON.stringify({ alg: "none" }))}.${base64url(JSON.stringify({ sub: "u" }))}.`;
    const strategy = refreshingToken({ provider: "demo", refresh: async () => ({ token: "x" }) });
    expect(() => strategy.set(unsigned, Date.now() + 60_000)).toThrow(/alg "none"/);
    expect(() => strategy.set(makeJwt({ exp: "soon" }), Date.now() + 60_000)).toThrow(/exp claim is not a number/);
    expect(strategy.current()).toBeUndefined();
  });

  it("an unsigned JWT from the refresh is never sent", async () => {
    const unsigned = `${base64url(JSON.stringify({ alg: "none" }))}.${base64url(JSON.stringify({ sub: "u", exp: 4_102_444_800 }))}.`;
    const strategy = refreshingToken({
      provider: "demo",
      refresh: async () => ({ token: unsigned, expiresAt: Date.now() + 60_000 }),
    });
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    const raw = createClient<any>({ baseUrl: "http://api.test", fetch });
    raw.use(strategy);
    await expect(raw.GET("/me", {})).rejects.toThrow(/alg "none"/);
    expect(calls).toEqual([]);
  });
});
