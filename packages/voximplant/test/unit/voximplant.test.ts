// Injected-fetch tests for what Prism cannot check: the exact wire encoding, where each credential goes, which
// credential each call uses as the session comes and goes, and the 200-with-`error` envelope.
import { inspect } from "node:util";
import { ApiError } from "@sessionkit/auth-helpers";
import { VoximplantError, createVoximplantClient, type VoximplantClientOptions } from "../../src";

const BASE = "https://api.voximplant.com/platform_api";
const API_KEY = "k3y+with/reserved=chars&more";
const SESSION = "s3ss10n-7f1e";

interface Seen {
  url: URL;
  method: string;
  headers: Headers;
  body: string;
}

/** A fetch that records each request and answers from `reply(path)`. */
function fakeFetch(reply: (path: string) => unknown) {
  const calls: Seen[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    calls.push({ url, method: request.method, headers: new Headers(request.headers), body: await request.text() });
    return new Response(JSON.stringify(reply(url.pathname)), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const ok = (path: string) =>
  path.endsWith("/Logon") ? { result: SESSION, api_key: "permanent", account_id: 1 } : { result: 1 };

function setup(reply: (path: string) => unknown = ok, extra: Partial<VoximplantClientOptions> = {}) {
  const wire = fakeFetch(reply);
  const vox = createVoximplantClient({
    fetch: wire.fetch,
    accountName: "acme",
    apiKey: API_KEY,
    retry: false,
    ...extra,
  });
  return { vox, calls: wire.calls };
}

test("Logon: a form POST with an empty body and both keys percent-encoded in the query", async () => {
  const { vox, calls } = setup();
  await vox.logon();
  const [call] = calls;
  expect(call!.method).toBe("POST");
  expect(`${call!.url.origin}${call!.url.pathname}`).toBe(`${BASE}/Logon`);
  expect(call!.url.search).toBe(`?account_name=acme&api_key=${encodeURIComponent(API_KEY)}`);
  expect(call!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
  expect(call!.headers.get("content-length") ?? "0").toBe("0");
  expect(call!.body).toBe("");
  // Credentials travel in the query only (the spec's apiKey schemes), never in a header.
  expect([...call!.headers.keys()].filter((h) => /key|session|authorization|cookie/i.test(h))).toEqual([]);
});

test("after Logon, Logout sends the session ID instead of the api key; after Logout the api key is back", async () => {
  const { vox, calls } = setup();
  await vox.logon();
  await vox.logout();
  await vox.logout();
  expect(calls.map((c) => c.url.search)).toEqual([
    `?account_name=acme&api_key=${encodeURIComponent(API_KEY)}`,
    `?account_name=acme&session_id=${SESSION}`,
    `?account_name=acme&api_key=${encodeURIComponent(API_KEY)}`,
  ]);
});

test("a session ID from an earlier Logon is used without a new Logon, and needs no api key", async () => {
  const { vox, calls } = setup(ok, { sessionId: "earlier", apiKey: undefined });
  await expect(vox.logout()).resolves.toEqual({ result: 1 });
  expect(calls[0]!.url.search).toBe("?account_name=acme&session_id=earlier");
});

test("the api key may be a function read when the request is sent", async () => {
  let current = "first";
  const { vox, calls } = setup(ok, { apiKey: () => current });
  await vox.logon();
  current = "rotated";
  await vox.logon();
  expect(calls.map((c) => c.url.searchParams.get("api_key"))).toEqual(["first", "rotated"]);
});

test("HTTP 200 with `error` is thrown as VoximplantError, never returned as data, and leaks no key", async () => {
  const { vox, calls } = setup(() => ({ error: { code: 100, msg: "Authorization failed" } }));
  const error = (await vox.logon().catch((e: unknown) => e)) as VoximplantError;
  expect(error).toBeInstanceOf(VoximplantError);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({
    name: "VoximplantError",
    status: 200,
    code: 100,
    msg: "Authorization failed",
    method: "POST",
  });
  expect(error.message).toBe(
    "[@sessionkit/voximplant] error 100: Authorization failed (POST https://api.voximplant.com/platform_api/Logon)",
  );
  for (const text of [error.message, error.url, inspect(error, { depth: 5 }), JSON.stringify(error)]) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(encodeURIComponent(API_KEY));
  }
  // No session was kept from the failed Logon.
  await vox.logout().catch(() => undefined);
  expect(calls[1]!.url.searchParams.has("api_key")).toBe(true);
  expect(calls[1]!.url.searchParams.has("session_id")).toBe(false);
});

test("the error's URL keeps the path and masks the keys when the response knows its URL", () => {
  const error = VoximplantError.fromBody({
    provider: "voximplant",
    status: 200,
    body: { error: { code: 161, msg: "The 'session_id' parameter is invalid" } },
    headers: new Headers(),
    method: "POST",
    url: `${BASE}/Logout?account_name=acme&session_id=${SESSION}`,
  });
  expect(error?.url).toBe(`${BASE}/Logout?account_name=acme&session_id=%5BREDACTED%5D`);
  expect(error?.message).not.toContain(SESSION);
});

test.each([
  ["a result", { result: 1 }],
  ["a null body", null],
  ["an `error` that is not an object", { result: 1, error: "" }],
])("a 2xx body with %s is data, not an error", (_, body) => {
  const init = { provider: "voximplant", status: 200, body, headers: new Headers(), method: "POST", url: "/Logout" };
  expect(VoximplantError.fromBody(init)).toBeUndefined();
});

test("Logout forgets the session even when Voximplant reports an error", async () => {
  let fail = true;
  const { vox, calls } = setup((path) =>
    path.endsWith("/Logout") && fail
      ? { error: { code: 161, msg: "The 'session_id' parameter is invalid" } }
      : ok(path),
  );
  await vox.logon();
  await expect(vox.logout()).rejects.toMatchObject({ code: 161 });
  fail = false;
  await vox.logout();
  expect(calls.map((c) => [...c.url.searchParams.keys()].join("+"))).toEqual([
    "account_name+api_key",
    "account_name+session_id",
    "account_name+api_key",
  ]);
});

test("missing credentials fail before any request, naming every missing option", async () => {
  const { vox, calls } = setup(ok, { accountName: undefined, apiKey: undefined });
  await expect(vox.logon()).rejects.toThrow("[@sessionkit/voximplant] missing credentials: accountName, apiKey");
  await expect(vox.logout()).rejects.toMatchObject({
    name: "MissingCredentialsError",
    missing: ["accountName", "apiKey"],
  });
  // A key function that yields nothing is caught by the strategy, still before the request.
  const lazy = setup(ok, { apiKey: () => undefined });
  await expect(lazy.vox.logon()).rejects.toMatchObject({ name: "MissingCredentialsError", missing: ["api_key"] });
  expect(calls).toEqual([]);
  expect(lazy.calls).toEqual([]);
});

test("a key with a line break is refused, not sent", async () => {
  const { vox, calls } = setup(ok, { apiKey: "abc\r\nInjected: 1" });
  await expect(vox.logon()).rejects.toMatchObject({ name: "ConfigurationError" });
  expect(calls).toEqual([]);
});

test("the client object does not show the api key when inspected", () => {
  const { vox } = setup();
  expect(inspect(vox, { depth: 4, getters: false })).not.toContain(API_KEY);
});
