// Contract tests: the published client against Prism booted from specs/voximplant.yaml. A Prism 422/415 means our
// client sent something the spec forbids (Prism's 401 means it sent the wrong credential combination), so every
// test ends by asserting there were none.
import { ApiError } from "@sessionkit/auth-helpers";
import { documentedResponses, expectedErrorName, recordingFetch, useMock } from "@sessionkit/mocks/testing";
import { VoximplantError, createVoximplantClient, type VoximplantClientOptions } from "../../src";

const mock = useMock("voximplant");
const credentials = { accountName: "acme", apiKey: "5b2e9f4a-8c1d-4e7b-a3f6-0d9c2b1e8a47" };
const SESSION = "6c3f0e1b9a8d4f27b5e2c1d0a9f8e7d6"; // Logon's `success` example

function client(extra: Partial<VoximplantClientOptions> = {}, rec = recordingFetch()) {
  const vox = createVoximplantClient({ baseUrl: mock.url(), fetch: rec.fetch, retry: false, ...credentials, ...extra });
  return { rec, vox };
}

const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

test("the whole lifecycle in order: Logon → Logout with the session → Logout again with the api key", async () => {
  const { rec, vox } = client();
  const logon = await vox.logon();
  expect(logon).toMatchObject({ result: SESSION, account_id: 1234567, account_name: "myaccount" });
  await expect(vox.logout()).resolves.toEqual({ result: 1 });
  // The session is gone after Logout: the next call proves itself with the permanent key again.
  await expect(vox.logout()).resolves.toEqual({ result: 1 });

  expect(rec.calls.map((c) => `${c.method} ${new URL(c.url).pathname} ${c.status}`)).toEqual([
    "POST /Logon 200",
    "POST /Logout 200",
    "POST /Logout 200",
  ]);
  const [logonCall, logoutCall, secondLogout] = rec.calls;
  expect(query(logonCall!.url)).toEqual({ account_name: "acme", api_key: credentials.apiKey });
  expect(query(logoutCall!.url)).toEqual({ account_name: "acme", session_id: SESSION });
  expect(query(secondLogout!.url)).toEqual({ account_name: "acme", api_key: credentials.apiKey });
  for (const call of rec.calls) {
    // The seed's Content-Type, with the empty body the seed's "no parameters" calls for.
    expect(call.requestHeaders["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(call.requestBody).toBe("");
  }
  expect(rec.violations()).toEqual([]);
});

test("Logon always proves itself with the api key, even while a session is held", async () => {
  const { rec, vox } = client({ sessionId: "resumed-session" });
  await vox.logon();
  expect(query(rec.calls[0]!.url)).toEqual({ account_name: "acme", api_key: credentials.apiKey });
  expect(rec.calls[0]!.status).toBe(200);
});

test.each([
  ["logon", 100, "Authorization failed"],
  ["logout", 161, "The 'session_id' parameter is invalid"],
] as const)("%s: an HTTP 200 carrying `error` is thrown as VoximplantError %s", async (method, code, msg) => {
  const { rec, vox } = client({ headers: { Prefer: "example=error" } });
  const error = await vox[method]().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VoximplantError);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ name: "VoximplantError", status: 200, code, msg, provider: "voximplant" });
  expect((error as VoximplantError).body).toEqual({ error: { code, msg } });
  expect((error as Error).message).not.toContain(credentials.apiKey);
  expect(rec.calls.map((c) => c.status)).toEqual([200]);
  expect(rec.violations()).toEqual([]);
});

test("a failed Logon keeps no session: the next Logout still uses the api key", async () => {
  const failing = recordingFetch();
  const { rec, vox } = client(
    {},
    {
      ...failing,
      fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname === "/Logon") request.headers.set("Prefer", "example=error");
        return failing.fetch(request);
      }) as typeof fetch,
    },
  );
  await expect(vox.logon()).rejects.toMatchObject({ name: "VoximplantError", code: 100 });
  await vox.logout();
  expect(query(rec.calls[1]!.url)).toEqual({ account_name: "acme", api_key: credentials.apiKey });
  expect(rec.violations()).toEqual([]);
});

test("missing credentials are refused by the client before any request", async () => {
  const { rec, vox } = client({ apiKey: undefined });
  await expect(vox.logon()).rejects.toThrow("missing credentials: apiKey");
  await expect(vox.logout()).rejects.toMatchObject({ name: "MissingCredentialsError", missing: ["apiKey"] });
  const noAccount = client({ accountName: "" });
  await expect(noAccount.vox.logon()).rejects.toMatchObject({
    name: "MissingCredentialsError",
    missing: ["accountName"],
  });
  // Through the untyped paths too: the strategy itself refuses an empty key.
  await expect(vox.withResponse.logon({ body: {} })).rejects.toMatchObject({
    name: "MissingCredentialsError",
    missing: ["api_key"],
  });
  expect(rec.calls).toEqual([]);
  expect(noAccount.rec.calls).toEqual([]);
});

test("Prism enforces the spec's security: Logon with a session ID instead of the api key is a 401", async () => {
  const response = await fetch(`${mock.url()}/Logon?account_name=acme&session_id=${SESSION}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "",
  });
  expect(response.status).toBe(401);
  await response.body?.cancel();
});

// The spec documents a 200 (two examples, covered above) and a bodiless `4XX` range on each operation; documented
// numeric statuses ≥ 300 (none today) plus three representatives of the range are driven through the package.
const RANGE_REPRESENTATIVES = [400, 401, 429];
const statuses = [
  ...documentedResponses("voximplant").filter((r) => r.status >= 300),
  ...(["logon", "logout"] as const).flatMap((operationId) =>
    RANGE_REPRESENTATIVES.map((status) => ({ operationId, status })),
  ),
];
test.each(statuses)("$operationId answers $status as the typed error", async ({ operationId, status }) => {
  const { rec, vox } = client();
  await vox.logon();
  rec.reset();
  const call = (vox.withResponse as Record<string, (init?: object) => Promise<unknown>>)[operationId]!;
  const error = await call({ body: {}, headers: { Prefer: `code=${status}` } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ name: expectedErrorName(status), status, provider: "voximplant" });
  // FrontEndRejection documents no body.
  expect((error as ApiError).body).toBeUndefined();
  expect(JSON.stringify(error)).not.toContain(credentials.apiKey);
  expect(rec.calls).toHaveLength(1);
  expect(rec.violations()).toEqual([]);
});

test("POST calls are not retried on 429 by default; an Idempotency-Key opts one in", async () => {
  const rec = recordingFetch();
  const vox = createVoximplantClient({
    baseUrl: mock.url(),
    fetch: rec.fetch,
    retry: { baseDelayMs: 1 },
    ...credentials,
  });
  await expect(vox.withResponse.logon({ body: {}, headers: { Prefer: "code=429" } })).rejects.toMatchObject({
    status: 429,
  });
  expect(rec.calls).toHaveLength(1);
  rec.reset();
  const retried = vox.withResponse.logon({ body: {}, headers: { Prefer: "code=429", "Idempotency-Key": "logon-1" } });
  await expect(retried).rejects.toMatchObject({ name: "RateLimitError", status: 429 });
  expect(rec.calls.map((c) => c.status)).toEqual([429, 429, 429]);
  expect(rec.violations()).toEqual([]);
});
