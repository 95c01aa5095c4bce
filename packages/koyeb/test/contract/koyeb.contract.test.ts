// Contract tests: the published client against Prism booted from specs/koyeb.yaml. A Prism 422/415 means our
// client sent something the spec forbids, so every test ends by asserting there were none.
import { ApiError } from "@sessionkit/auth-helpers";
import { documentedResponses, expectedErrorName, recordingFetch, useMock } from "@sessionkit/mocks/testing";
import { createKoyebClient } from "../../src";

const mock = useMock("koyeb");
const credentials = { email: "jane@example.com", password: "correct-horse-battery-staple" };

function client(rec = recordingFetch()) {
  return {
    rec,
    koyeb: createKoyebClient({ baseUrl: mock.url(), fetch: rec.fetch, retry: false, logger: { warn() {} } }),
  };
}

test("the whole lifecycle in order: login → authenticated call → refresh → logout", async () => {
  const { rec, koyeb } = client();
  const login = await koyeb.login(credentials, { seonFp: "fp-123" });
  expect(login.token?.id).toBe("kyb_3f0c6a8e5d2b4c1a9e7f0d8c6b5a4e3d");
  const session = await koyeb.newSession();
  expect(session.token?.id).toBe("kyb_7d6c5b4a3e2f1a0b9c8d7e6f5a4b3c2d");
  const refreshed = await koyeb.refreshToken();
  expect(refreshed.token?.expires_at).toBe("2030-01-01T01:00:00Z");
  await expect(koyeb.logout()).resolves.toEqual({});

  expect(rec.calls.map((c) => `${c.method} ${new URL(c.url).pathname} ${c.status}`)).toEqual([
    "POST /v1/account/login 200",
    "POST /v1/account/session 200",
    "PUT /v1/account/refresh 200",
    "DELETE /v1/account/logout 200",
  ]);
  const [loginCall, sessionCall, refreshCall, logoutCall] = rec.calls;
  expect(loginCall?.requestHeaders["seon-fp"]).toBe("fp-123");
  expect(loginCall?.requestHeaders.authorization).toBeUndefined();
  expect(JSON.parse(loginCall?.requestBody ?? "")).toEqual(credentials);
  // Each call carries the token the previous reply handed out.
  expect(sessionCall?.requestHeaders.authorization).toBe("Bearer kyb_3f0c6a8e5d2b4c1a9e7f0d8c6b5a4e3d");
  expect(refreshCall?.requestHeaders.authorization).toBe("Bearer kyb_7d6c5b4a3e2f1a0b9c8d7e6f5a4b3c2d");
  expect(logoutCall?.requestHeaders.authorization).toBe("Bearer kyb_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d");
  expect(rec.violations()).toEqual([]);
});

test("an authenticated call without a token is refused by the client before any request", async () => {
  const { rec, koyeb } = client();
  await expect(koyeb.newSession()).rejects.toMatchObject({ name: "MissingCredentialsError" });
  await expect(koyeb.login({ email: "", password: "x" })).rejects.toThrow("missing credentials: email");
  expect(rec.calls).toEqual([]);
});

test("Prism enforces the Bearer scheme: the same call without the client's header is a 401", async () => {
  const response = await fetch(`${mock.url()}/v1/account/session`, { method: "POST" });
  expect(response.status).toBe(401);
  await response.body?.cancel();
});

const statuses = documentedResponses("koyeb").filter((r) => r.status >= 300);
test.each(statuses)("$operationId answers $status as the typed error", async ({ operationId, status }) => {
  const { rec, koyeb } = client();
  await koyeb.login(credentials);
  rec.reset();
  const call = (koyeb.withResponse as Record<string, (init?: object) => Promise<unknown>>)[operationId]!;
  const init: Record<string, unknown> = { headers: { Prefer: `code=${status}` } };
  if (operationId === "login") init.body = credentials;
  // The refresh endpoint is sent with the current token explicitly (the refreshing strategy skips it).
  if (operationId === "refreshToken")
    (init.headers as Record<string, string>).Authorization = "Bearer kyb_3f0c6a8e5d2b4c1a9e7f0d8c6b5a4e3d";
  const error = await call(init).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ name: expectedErrorName(status), status, provider: "koyeb" });
  // The typed error body is the spec's example for that status.
  expect((error as ApiError<{ status?: number }>).body.status).toBe(status);
  expect(rec.violations()).toEqual([]);
});

test("a 401 on an authenticated call refreshes once and retries once, then surfaces AuthenticationError", async () => {
  const { rec, koyeb } = client();
  await koyeb.login(credentials);
  rec.reset();
  await expect(koyeb.withResponse.newSession({ headers: { Prefer: "code=401" } })).rejects.toMatchObject({
    name: "AuthenticationError",
    status: 401,
  });
  expect(rec.calls.map((c) => `${c.method} ${new URL(c.url).pathname} ${c.status}`)).toEqual([
    "POST /v1/account/session 401",
    "PUT /v1/account/refresh 200",
    "POST /v1/account/session 401",
  ]);
  expect(rec.calls[2]?.requestHeaders.authorization).toBe("Bearer kyb_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d");
});
