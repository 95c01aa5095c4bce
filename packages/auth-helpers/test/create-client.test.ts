// The shared client core: facade errors, spec-driven error classes, errors carried in 2xx bodies, the
// "rebase" redirect, auth gating by the spec's security, body encodings, and the provider client shape.
import { inspect } from "node:util";
import {
  ApiError,
  type AuthStrategy,
  ConfigurationError,
  MissingCredentialsError,
  type OperationTable,
  bearer,
  createApiClient,
  extendClient,
} from "../src";
import { fakeFetch, json } from "./support/fake-fetch";

const operations = {
  login: { method: "post", path: "/login", auth: "none", body: "json" },
  whoami: { method: "get", path: "/me", auth: "required" },
  maybe: { method: "get", path: "/maybe", auth: "optional" },
  form: { method: "post", path: "/form", auth: "none", body: "form" },
  text: { method: "put", path: "/items/{id}/text", auth: "none", body: "text" },
  refresh: { method: "post", path: "/refresh", auth: "none", errors: { "416": "RefreshTokenInvalidError" } },
} as const satisfies OperationTable;

type Ops = Record<keyof typeof operations, any>;
const def = { provider: "demo", defaultBaseUrl: "http://api.test/v1", operations };
const quiet = { warn() {} };

function client(handler: Parameters<typeof fakeFetch>[0], strategies: AuthStrategy[] = [], extra = {}) {
  const f = fakeFetch(handler);
  const api = createApiClient<{}, Ops, typeof operations>(
    { ...def, ...extra },
    { fetch: f.fetch, retry: false, logger: quiet },
    strategies,
  );
  return { api, calls: f.calls };
}

test("a non-2xx answer throws the ApiError subclass for its status, with the parsed body", async () => {
  const { api } = client(() => json(404, { message: "no such user" }, { "x-request-id": "req-1" }));
  const error = await api.ops.whoami().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({
    name: "NotFoundError",
    status: 404,
    body: { message: "no such user" },
    requestId: "req-1",
  });
  expect(String(error)).toContain("[@sessionkit/demo] 404 no such user (GET http://api.test/v1/me)");
});

test("x-sessionkit-error in the spec (the table's errors) picks the class for a status", async () => {
  const { api } = client(() => new Response(null, { status: 416 }));
  await expect(api.ops.refresh()).rejects.toMatchObject({ name: "RefreshTokenInvalidError", status: 416 });
});

test("errorInBody turns a 2xx that carries an error into that error", async () => {
  const { api } = client(() => json(200, { error: { code: 100 } }), [], {
    errorInBody: (init: any) => (init.body?.error ? new ApiError(init, "failed in body") : undefined),
  });
  await expect(api.ops.whoami()).rejects.toThrow("failed in body");
});

test("errorInBody's error masks the request's credentials (they are gathered only when there is an error)", async () => {
  const token = "tok-5ecret-value-42";
  const seen: unknown[] = [];
  const { api } = client(
    (request) => json(200, { ok: true, error: request.url.endsWith("/me") ? { echo: token } : undefined }),
    [bearer(token)],
    {
      errorInBody: (init: any) => {
        seen.push(init.secrets);
        return init.body?.error ? new ApiError(init, `failed in body: ${JSON.stringify(init.body)}`) : undefined;
      },
    },
  );
  await api.ops.login({ body: { user: "u" } });
  expect(seen).toEqual([[]]); // data: one call, no credentials gathered
  const error = (await api.ops.whoami().catch((e: unknown) => e)) as ApiError;
  expect(error.message).toContain("failed in body");
  expect(error.message).not.toContain(token);
  expect(JSON.stringify(error.body)).not.toContain(token);
  expect(seen.at(-1)).toContain(token);
});

test("the facade's body is sent as serialised, and a middleware that replaces the request sends its own", async () => {
  const { api, calls } = client(() => json(200, {}));
  const readByLaterMiddleware: string[] = [];
  api.raw.use({
    async onRequest({ request }) {
      readByLaterMiddleware.push(await request.clone().text());
      if (request.url.endsWith("/form")) return undefined;
      return new Request(request.url, { method: request.method, headers: request.headers, body: '{"replaced":1}' });
    },
  });
  await api.ops.login({ body: { user: "u" } });
  await api.ops.form({ body: { a: "1" } });
  expect(readByLaterMiddleware).toEqual(['{"user":"u"}', "a=1"]);
  expect(calls.map((c) => c.body)).toEqual(['{"replaced":1}', "a=1"]);
});

test("rebase: a 307 is followed once, the client stays on the new endpoint, raw calls follow too", async () => {
  const warnings: string[] = [];
  const f = fakeFetch((request) =>
    request.url.startsWith("http://api.test/v1/")
      ? new Response(null, { status: 307, headers: { location: "http://eu.api.test/v2/login" } })
      : json(200, { ok: true }),
  );
  const api = createApiClient<any, Ops, typeof operations>(
    { ...def, redirects: "rebase" },
    { fetch: f.fetch, retry: false, logger: { warn: (m) => void warnings.push(m) } },
  );
  await expect(api.ops.login({ body: { user: "u" } })).resolves.toEqual({ ok: true });
  expect(api.baseUrl).toBe("http://eu.api.test/v2");
  await (api.raw.GET as (path: string) => Promise<unknown>)("/me");
  expect(f.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
    "POST http://api.test/v1/login",
    "POST http://eu.api.test/v2/login",
    "GET http://eu.api.test/v2/me",
  ]);
  expect(f.calls[1]?.body).toBe('{"user":"u"}');
  expect(warnings).toEqual(["[@sessionkit/demo] login: the API answered 307; using http://eu.api.test/v2 from now on"]);
});

test("rebase: a second redirect in a row is a RedirectError, not a loop", async () => {
  let n = 0;
  const { api, calls } = client(
    () => new Response(null, { status: 307, headers: { location: `http://h${++n}.test/v1/me` } }),
    [],
    {
      redirects: "rebase",
    },
  );
  await expect(api.ops.whoami()).rejects.toMatchObject({ name: "RedirectError", status: 307 });
  expect(calls).toHaveLength(2);
});

test("without rebase a 3xx is a RedirectError and is never followed", async () => {
  const { api, calls } = client(
    () => new Response(null, { status: 302, headers: { location: "http://elsewhere.test/" } }),
  );
  await expect(api.ops.whoami()).rejects.toMatchObject({ name: "RedirectError" });
  expect(calls).toHaveLength(1);
});

test("strategies only touch operations whose security asks for a credential; optional ones tolerate none", async () => {
  const { api, calls } = client(() => json(200, {}), [bearer(() => undefined, { provider: "demo" })]);
  await api.ops.login({ body: {} });
  await api.ops.maybe();
  await expect(api.ops.whoami()).rejects.toBeInstanceOf(MissingCredentialsError);
  expect(calls.map((c) => `${c.url} ${c.headers.get("authorization")}`)).toEqual([
    "http://api.test/v1/login null",
    "http://api.test/v1/maybe null",
  ]);
});

test("form bodies are form-encoded without undefined values; text bodies go out as the raw string", async () => {
  const { api, calls } = client(() => new Response(null, { status: 204 }));
  await api.ops.form({ body: { a: "x y", b: undefined, c: 3, d: true } });
  await api.ops.text({ params: { path: { id: "a/b" } }, body: 'raw "token"' });
  expect(calls[0]?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
  expect(calls[0]?.body).toBe("a=x+y&c=3&d=true");
  expect(calls[1]?.url).toBe("http://api.test/v1/items/a%2Fb/text");
  expect(calls[1]?.headers.get("content-type")).toBe("text/plain");
  expect(calls[1]?.body).toBe('raw "token"');
});

test("a missing path parameter and a bad baseUrl are refused before any request", async () => {
  const { api, calls } = client(() => json(200, {}));
  await expect(api.ops.text({ body: "x" } as never)).rejects.toThrow('text: path parameter "id" is required');
  expect(calls).toHaveLength(0);
  expect(() => createApiClient(def, { baseUrl: "file:///etc" })).toThrow(ConfigurationError);
  expect(() => createApiClient(def, { baseUrl: "http://user:pw@api.test" })).toThrow("must not carry credentials");
  expect(() => createApiClient(def, { baseUrl: "not a url" })).toThrow("baseUrl is not a URL");
});

test("extendClient: lifecycle methods replace operations, getters stay live, inspect shows no state", async () => {
  const { api } = client(() => json(200, { id: 1 }));
  let state = "out";
  const c = extendClient(api, {
    async login() {
      state = "in";
      return "custom";
    },
    get state() {
      return state;
    },
  });
  expect(c.state).toBe("out");
  await expect(c.login()).resolves.toBe("custom");
  expect(c.state).toBe("in");
  await expect(c.whoami()).resolves.toEqual({ id: 1 });
  expect(c.baseUrl).toBe("http://api.test/v1");
  expect(inspect(c)).toBe("demo client { baseUrl: 'http://api.test/v1' }");
});
