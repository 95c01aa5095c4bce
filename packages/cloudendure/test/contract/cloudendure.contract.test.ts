// Contract tests: the published client against Prism booted from specs/cloudendure.yaml (plus
// mocks/overrides/cloudendure.yaml, which makes the 307's Location point back at the mock). A Prism 422/415 means
// our client sent something the spec forbids, so every test ends by asserting there were none.
import { ApiError } from "@sessionkit/auth-helpers";
import { documentedResponses, expectedErrorName, recordingFetch, useMock } from "@sessionkit/mocks/testing";
import { createCloudEndureClient } from "../../src";

const mock = useMock("cloudendure");
const credentials = { username: "jane@example.com", password: "correct-horse-battery-staple" };
const SESSION_COOKIE = "session=4f2b9c1e7a6d43b08e5f1c2a9d7b3e60"; // the 200's Set-Cookie example

function client(rec = recordingFetch()) {
  const warnings: string[] = [];
  const ce = createCloudEndureClient({
    baseUrl: mock.url(),
    fetch: rec.fetch,
    retry: false,
    logger: { warn: (message) => warnings.push(message) },
  });
  return { rec, ce, warnings };
}

/** Asks Prism for its 307 on the first request only (Prism cannot tell endpoints apart by itself). */
function redirectFirstCall(rec: ReturnType<typeof recordingFetch>) {
  let first = true;
  const locations: (string | null)[] = [];
  const violations: (string | null)[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (first) request.headers.set("Prefer", "code=307");
    first = false;
    const response = await rec.fetch(request);
    locations.push(response.headers.get("location"));
    violations.push(response.headers.get("sl-violations"));
    return response;
  };
  return { ...rec, fetch: fetchImpl as typeof fetch, locations, slViolations: violations };
}

const lines = (rec: ReturnType<typeof recordingFetch>) =>
  rec.calls.map((c) => `${c.method} ${new URL(c.url).pathname} ${c.status}`);

test("the whole lifecycle in order: login → logout with the session cookie → the jar is empty", async () => {
  const { rec, ce } = client();
  const user = await ce.loginPost(credentials);
  expect(user).toMatchObject({ username: "jane@example.com", status: "CONFIRMED", roles: ["ACCOUNT_OWNER"] });
  await expect(ce.logoutPost()).resolves.toBeUndefined();
  // Logout emptied the jar: there is no session left to invalidate, and nothing is sent.
  await expect(ce.logoutPost()).rejects.toMatchObject({ name: "MissingCredentialsError" });

  expect(lines(rec)).toEqual(["POST /login 200", "POST /logout 204"]);
  const [login, logout] = rec.calls;
  expect(JSON.parse(login!.requestBody)).toEqual(credentials);
  expect(login!.requestHeaders["content-type"]).toBe("application/json");
  expect(login!.requestHeaders.cookie).toBeUndefined();
  expect(logout!.requestHeaders.cookie).toBe(SESSION_COOKIE);
  // The seed's logout has no body and no media types.
  expect(logout!.requestBody).toBe("");
  expect(logout!.requestHeaders["content-type"]).toBeUndefined();
  expect(rec.violations()).toEqual([]);
});

test("a 307 from login: the login is repeated once at the Location, the client stays there and says so", async () => {
  const redirected = redirectFirstCall(recordingFetch());
  const { ce, warnings } = client(redirected);
  await expect(ce.loginPost(credentials)).resolves.toMatchObject({ username: "jane@example.com" });
  await ce.logoutPost();

  expect(lines(redirected)).toEqual(["POST /login 307", "POST /login 200", "POST /logout 204"]);
  // The mock's Location is relative (see mocks/overrides/cloudendure.yaml), so it resolves to the mock itself, and
  // the mock validates it against the widened schema without a violation.
  expect(redirected.locations[0]).toBe("/login");
  expect(redirected.slViolations).toEqual([null, null, null]);
  expect(redirected.calls[1]!.requestBody).toBe(redirected.calls[0]!.requestBody);
  expect(redirected.calls[2]!.requestHeaders.cookie).toBe(SESSION_COOKIE);
  expect(ce.baseUrl).toBe(mock.url());
  expect(warnings).toEqual([
    `[@sessionkit/cloudendure] loginPost: the API answered 307; using ${mock.url()} from now on`,
  ]);
  expect(redirected.violations()).toEqual([]);
});

test("missing credentials are refused by the client before any request", async () => {
  const { rec, ce } = client();
  await expect(ce.loginPost({})).rejects.toMatchObject({
    name: "MissingCredentialsError",
    missing: ["username", "password"],
  });
  await expect(ce.loginPost({ username: "jane@example.com" })).rejects.toThrow("missing credentials: password");
  await expect(ce.logoutPost()).rejects.toThrow("missing credentials: session cookie (call loginPost first)");
  expect(rec.calls).toEqual([]);
});

test("an API token alone is a complete login", async () => {
  const { rec, ce } = client();
  await ce.loginPost({ userApiToken: "3A1F-9C2B-77E0-4D15-A8B6-0E93-5C2D-F1A7" });
  expect(lines(rec)).toEqual(["POST /login 200"]);
  expect(rec.violations()).toEqual([]);
});

/** The `Error` examples specs/cloudendure.yaml gives each error response. */
const EXAMPLE_MESSAGES: Record<string, string> = {
  "loginPost 401": "The login credentials provided cannot be authenticated.",
  "loginPost 402": "There is no active license configured for this account.",
  "loginPost 429": "Authentication failure limit has been reached.",
  "logoutPost 401": "Unauthorized",
};
const statuses = documentedResponses("cloudendure").filter((r) => r.status >= 300);
test.each(statuses)("$operationId answers $status as the typed error", async ({ operationId, status }) => {
  const { rec, ce, warnings } = client();
  await ce.loginPost(credentials);
  rec.reset();
  const call = (ce.withResponse as Record<string, (init?: object) => Promise<unknown>>)[operationId]!;
  const init: Record<string, unknown> = { headers: { Prefer: `code=${status}` } };
  if (operationId === "loginPost") init.body = credentials;
  const error = await call(init).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ name: expectedErrorName(status), status, provider: "cloudendure" });
  if (status === 307) {
    // Followed once (Prism answers 307 again, since the Prefer header is repeated), then surfaced, never looped.
    expect(rec.calls.map((c) => c.status)).toEqual([307, 307]);
    // The second endpoint redirected too, so the move did not stick and there is no "using ... from now on".
    expect(warnings).toHaveLength(0);
  } else {
    // The typed error body is the spec's example for that status.
    expect((error as ApiError<{ message?: string }>).body).toEqual({
      message: EXAMPLE_MESSAGES[`${operationId} ${status}`],
    });
    expect(rec.calls).toHaveLength(1);
  }
  if (status === 429) expect(error).toMatchObject({ retryAfterMs: undefined }); // the spec documents no Retry-After
  expect(JSON.stringify(error)).not.toContain(credentials.password);
  expect(JSON.stringify(error)).not.toContain(SESSION_COOKIE);
  expect(rec.violations()).toEqual([]);
});

test("a 429 lockout on login is not retried, even with retries on: login is a POST", async () => {
  const rec = recordingFetch();
  const ce = createCloudEndureClient({ baseUrl: mock.url(), fetch: rec.fetch, retry: { baseDelayMs: 1 } });
  await expect(ce.withResponse.loginPost({ body: credentials, headers: { Prefer: "code=429" } })).rejects.toMatchObject(
    {
      name: "RateLimitError",
      body: { message: "Authentication failure limit has been reached." },
    },
  );
  expect(lines(rec)).toEqual(["POST /login 429"]);
});
