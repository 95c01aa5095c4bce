// Contract tests: the published client against Prism booted from specs/polario.yaml. Prism answers a request
// that breaks the spec with 422/415, or, on operations that document a 400, with that 400 plus an `sl-violations`
// header; every test ends by asserting there was neither.
import { ApiError, AuthProtocolError, RefreshTokenInvalidError } from "@sessionkit/auth-helpers";
import { documentedResponses, expectedErrorName, recordingFetch, useMock } from "@sessionkit/mocks/testing";
import { type PolarioClientOptions, createPolarioClient } from "../../src";

const mock = useMock("polario");
// RFC 7677 §3: the mock's examples are this exchange, so the server signature verifies for this password.
const credentials = { email: "user", password: "pencil" };
const RFC7677_NONCE = "rOprNGfwEbeRWgbNEkqO";
const RFC7677_COMBINED_NONCE = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
const RFC7677_PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
// The `Session` response header examples of the spec: login, then refresh.
const LOGIN_JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1ZjNjMmIxYS03ZDhlLTRmOTAtYTFiMi1jM2Q0ZTVmNmE3YjgiLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6NDEwMjQ0NDgwMH0.O77CMn11k0pvrc-oWruVDS4ZYPczzwAOvpbgEoUxit0";
const REFRESHED_JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1ZjNjMmIxYS03ZDhlLTRmOTAtYTFiMi1jM2Q0ZTVmNmE3YjgiLCJpYXQiOjE3NjcyMjkyMDAsImV4cCI6NDEwMjQ0NDgwMH0.1GAAFw16b_yIc0RVY83omdq08CDqlUTljnXKu7XLu5Y";
const REFRESH_TOKEN = "rt_4f9d2c7a1e6b8035c2d9a7f1e4b6c8d0";

function client(extra: Partial<PolarioClientOptions> = {}) {
  // rec.violations() counts Prism's 422/415 and the sl-violations header it sets when a documented 400 answers.
  const rec = recordingFetch();
  const fetch = rec.fetch;
  const polario = createPolarioClient({
    baseUrl: mock.url(),
    fetch,
    retry: false,
    scramNonce: RFC7677_NONCE,
    logger: { warn() {} },
    ...extra,
  });
  return { rec, polario, violations: rec.violations };
}

const trail = (rec: ReturnType<typeof recordingFetch>) =>
  rec.calls.map((c) => `${c.method} ${new URL(c.url).pathname} ${c.status}`);

test("the whole lifecycle in order: SCRAM first → login (signature verified) → refresh → logout", async () => {
  const grants: object[] = [];
  const { rec, polario, violations } = client({ onTokenRefreshed: (g) => void grants.push(g) });
  const login = await polario.login(credentials, {
    platform: "Web",
    device: { os: "Linux", osVersion: "6.8", deviceName: "ci" },
  });
  expect(login).toMatchObject({
    token: LOGIN_JWT,
    refreshToken: REFRESH_TOKEN,
    deviceId: "6a1f0c2e-9b3d-4e7a-8c5f-2d1e0b9a8c7f",
  });
  const refreshed = await polario.authSessionPost();
  expect(refreshed).toMatchObject({ token: REFRESHED_JWT, deviceId: "6a1f0c2e-9b3d-4e7a-8c5f-2d1e0b9a8c7f" });
  await expect(polario.authLogoutGet()).resolves.toEqual({ status: "ok" });
  expect(polario.loggedIn).toBe(false);

  expect(trail(rec)).toEqual([
    "POST /auth/auth 200",
    "POST /auth/login 200",
    "POST /auth/session 200",
    "GET /auth/logout 200",
  ]);
  const [first, final, refresh, logout] = rec.calls;
  expect(JSON.parse(first!.requestBody)).toEqual({ email: "user", nonce: RFC7677_NONCE });
  expect(JSON.parse(final!.requestBody)).toEqual({
    email: "user",
    nonce: RFC7677_COMBINED_NONCE,
    proof: RFC7677_PROOF,
    os: "Linux",
    osVersion: "6.8",
    deviceName: "ci",
  });
  expect([first!.requestHeaders.platform, final!.requestHeaders.platform]).toEqual(["Web", "Web"]);
  // The JWT-less steps carry no Session header; logout carries the JWT the refresh handed out.
  expect([first, final, refresh].map((c) => c!.requestHeaders.session)).toEqual([undefined, undefined, undefined]);
  expect(JSON.parse(refresh!.requestBody)).toEqual({ refreshToken: REFRESH_TOKEN });
  expect(logout!.requestHeaders.session).toBe(REFRESHED_JWT);
  expect(grants).toEqual([
    { token: LOGIN_JWT, expiresAt: 4102444800_000, refreshToken: REFRESH_TOKEN },
    { token: REFRESHED_JWT, expiresAt: 4102444800_000, refreshToken: REFRESH_TOKEN },
  ]);
  expect(violations()).toEqual([]);
});

test("a wrong password fails the server-signature check with AuthProtocolError and installs no session", async () => {
  const { rec, polario, violations } = client();
  const error = await polario.login({ email: "user", password: "pencil!" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthProtocolError);
  expect(error).toMatchObject({
    protocol: "scram",
    message: expect.stringContaining("server signature does not match"),
  });
  expect(String((error as Error).message)).not.toContain("pencil");
  // The mock answered the (RFC) signature for "pencil"; the client sent a different proof and trusted nothing.
  expect(JSON.parse(rec.calls[1]!.requestBody).proof).not.toBe(RFC7677_PROOF);
  expect(polario.loggedIn).toBe(false);
  await expect(polario.authLogoutGet()).rejects.toMatchObject({ name: "MissingCredentialsError" });
  expect(rec.calls).toHaveLength(2);
  expect(violations()).toEqual([]);
});

test("calls that need a session are refused by the client before any request", async () => {
  const { rec, polario } = client();
  await expect(polario.authLogoutGet()).rejects.toMatchObject({ name: "MissingCredentialsError" });
  await expect(polario.authSessionPost()).rejects.toThrow("missing credentials: refreshToken");
  await expect(polario.login({ email: "user", password: "" })).rejects.toThrow("missing credentials: password");
  expect(rec.calls).toEqual([]);
});

test("Prism enforces the logout's required Session header: the same call without the client is a 422", async () => {
  const response = await fetch(`${mock.url()}/auth/logout`);
  expect(response.status).toBe(422);
  await response.body?.cancel();
});

test("416 on the refresh is RefreshTokenInvalidError (a RangeNotSatisfiableError)", async () => {
  const { rec, polario, violations } = client();
  await polario.login(credentials);
  rec.reset();
  const error = await polario.withResponse
    .authSessionPost({ body: { refreshToken: REFRESH_TOKEN }, headers: { Prefer: "code=416" } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RefreshTokenInvalidError);
  expect(error).toMatchObject({
    name: "RefreshTokenInvalidError",
    status: 416,
    body: { error: "invalid refresh token" },
  });
  expect(violations()).toEqual([]);
});

const EXAMPLE_ERRORS: Record<number, string> = {
  400: "bad request",
  401: "unauthorized",
  403: "forbidden",
  416: "invalid refresh token",
  500: "internal server error",
};
const statuses = documentedResponses("polario").filter((r) => r.status >= 300);
test.each(statuses)("$operationId answers $status as the typed error", async ({ operationId, status }) => {
  const { rec, polario, violations } = client();
  await polario.login(credentials);
  rec.reset();
  const call = (polario.withResponse as Record<string, (init?: object) => Promise<unknown>>)[operationId]!;
  const init: Record<string, unknown> = {
    headers: { Prefer: `code=${status}` },
    ...{
      authAuthPost: { body: { email: "user", nonce: RFC7677_NONCE } },
      authLoginPost: { body: { email: "user", nonce: RFC7677_COMBINED_NONCE, proof: RFC7677_PROOF } },
      authSessionPost: { body: { refreshToken: REFRESH_TOKEN } },
      authLogoutGet: { params: { header: { Session: LOGIN_JWT } } },
    }[operationId],
  };
  const error = await call(init).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const override = status === 416 ? "RefreshTokenInvalidError" : undefined;
  expect(error).toMatchObject({ name: expectedErrorName(status, override), status, provider: "polario" });
  // The typed error body is the spec's example for that status.
  expect((error as ApiError<{ error?: string }>).body.error).toBe(EXAMPLE_ERRORS[status]);
  expect(violations()).toEqual([]);
});

test("a 401 on logout refreshes the JWT once and retries once with the new one, then surfaces AuthenticationError", async () => {
  const { rec, polario, violations } = client();
  await polario.login(credentials);
  rec.reset();
  await expect(
    polario.withResponse.authLogoutGet({ params: { header: { Session: LOGIN_JWT } }, headers: { Prefer: "code=401" } }),
  ).rejects.toMatchObject({ name: "AuthenticationError", status: 401 });
  expect(trail(rec)).toEqual(["GET /auth/logout 401", "POST /auth/session 200", "GET /auth/logout 401"]);
  expect(rec.calls[0]?.requestHeaders.session).toBe(LOGIN_JWT);
  expect(rec.calls[2]?.requestHeaders.session).toBe(REFRESHED_JWT);
  expect(violations()).toEqual([]);
});

test("a client resumed from a stored refresh token alone gets a JWT before it logs out", async () => {
  const { rec, polario, violations } = client({ refreshToken: REFRESH_TOKEN, scramNonce: undefined });
  await expect(polario.authLogoutGet()).resolves.toEqual({ status: "ok" });
  expect(trail(rec)).toEqual(["POST /auth/session 200", "GET /auth/logout 200"]);
  expect(rec.calls[1]?.requestHeaders.session).toBe(REFRESHED_JWT);
  expect(violations()).toEqual([]);
});
