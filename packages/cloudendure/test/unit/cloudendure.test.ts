// Injected-fetch tests for what Prism cannot show: two Set-Cookie headers (session + XSRF-TOKEN) and the XSRF echo,
// a 307 to a different host, Retry-After on a lockout, and what the cookie jar holds after logout.
import { inspect } from "node:util";
import { createCloudEndureClient, type CloudEndureClientOptions } from "../../src";

const BASE = "https://console.cloudendure.com/api/latest";
const MOVED = "https://eu.cloudendure.test/api/v5";
const SESSION = "s3ss10n-c00k1e";
const PASSWORD = "correct-horse-battery-staple";
const credentials = { username: "jane@example.com", password: PASSWORD };

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}
type Reply = (url: URL, count: number) => Response;

function fakeFetch(reply: Reply) {
  const calls: Seen[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    calls.push({
      url: request.url,
      method: request.method,
      headers: new Headers(request.headers),
      body: await request.text(),
    });
    return reply(new URL(request.url), calls.length);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** CloudEndure's login answer: the User, plus the session and anti-forgery cookies. */
function loggedIn(session = SESSION): Response {
  const headers = new Headers({ "content-type": "application/json" });
  headers.append("set-cookie", `session=${session}; Path=/; Secure; HttpOnly`);
  headers.append("set-cookie", 'XSRF-TOKEN="x%2Bsrf%3D%3D"; Path=/; Secure');
  return new Response(JSON.stringify({ username: "jane@example.com" }), { status: 200, headers });
}
const status = (code: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status: code,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
  });

const standard: Reply = (url) => (url.pathname.endsWith("/login") ? loggedIn() : status(204));

function setup(reply: Reply = standard, extra: Partial<CloudEndureClientOptions> = {}) {
  const wire = fakeFetch(reply);
  const warnings: string[] = [];
  const ce = createCloudEndureClient({
    fetch: wire.fetch,
    retry: false,
    logger: { warn: (m) => warnings.push(m) },
    ...extra,
  });
  return { ce, calls: wire.calls, warnings };
}

test("login is a JSON POST; later calls send both cookies back and echo XSRF-TOKEN (unquoted, decoded)", async () => {
  const { ce, calls } = setup();
  await ce.loginPost(credentials);
  await ce.logoutPost();
  const [login, logout] = calls;
  expect(login).toMatchObject({ url: `${BASE}/login`, method: "POST", body: JSON.stringify(credentials) });
  expect(login!.headers.get("content-type")).toBe("application/json");
  expect(login!.headers.get("cookie")).toBeNull();
  expect(login!.headers.get("x-xsrf-token")).toBeNull();

  expect(logout).toMatchObject({ url: `${BASE}/logout`, method: "POST", body: "" });
  expect(logout!.headers.get("cookie")).toBe(`session=${SESSION}; XSRF-TOKEN="x%2Bsrf%3D%3D"`);
  expect(logout!.headers.get("x-xsrf-token")).toBe("x+srf==");
  expect(logout!.headers.get("content-type")).toBeNull();
});

test("logout empties the jar: no cookie survives into the next login, and logout needs a new session", async () => {
  const { ce, calls } = setup();
  await ce.loginPost(credentials);
  await ce.logoutPost();
  await expect(ce.logoutPost()).rejects.toMatchObject({ name: "MissingCredentialsError" });
  await ce.loginPost(credentials);
  expect(calls).toHaveLength(3);
  expect(calls[2]!.headers.get("cookie")).toBeNull();
  expect(calls[2]!.headers.get("x-xsrf-token")).toBeNull();
});

test("logout empties the jar even when the server refuses it", async () => {
  const { ce, calls } = setup((url) =>
    url.pathname.endsWith("/login") ? loggedIn() : status(401, { message: "Unauthorized" }),
  );
  await ce.loginPost(credentials);
  await expect(ce.logoutPost()).rejects.toMatchObject({ name: "AuthenticationError", status: 401 });
  await expect(ce.logoutPost()).rejects.toMatchObject({ name: "MissingCredentialsError" });
  expect(calls).toHaveLength(2);
});

test("a 307 to another host: login is repeated there, and every later call goes there with that host's cookies", async () => {
  const { ce, calls, warnings } = setup((url, n) => {
    // The old endpoint's cookie stays with the old host (the jar scopes cookies by the URL that set them).
    if (n === 1)
      return status(307, undefined, { location: `${MOVED}/login`, "set-cookie": "session=old-host; Path=/" });
    return url.pathname.endsWith("/login") ? loggedIn("eu-session") : status(204);
  });
  await ce.loginPost(credentials);
  expect(ce.baseUrl).toBe(MOVED);
  await ce.logoutPost();
  expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
    `POST ${BASE}/login`,
    `POST ${MOVED}/login`,
    `POST ${MOVED}/logout`,
  ]);
  expect(calls[1]!.body).toBe(JSON.stringify(credentials));
  expect(calls[1]!.headers.get("cookie")).toBeNull();
  expect(calls[2]!.headers.get("cookie")).toBe('session=eu-session; XSRF-TOKEN="x%2Bsrf%3D%3D"');
  expect(warnings).toEqual([`[@sessionkit/cloudendure] loginPost: the API answered 307; using ${MOVED} from now on`]);
  // The password appears in no log line.
  expect(warnings.join("\n")).not.toContain(PASSWORD);
});

test("a second 307 in a row is a RedirectError, not a loop", async () => {
  const { ce, calls } = setup((_, n) => status(307, undefined, { location: `${MOVED}/v${n}/login` }));
  await expect(ce.loginPost(credentials)).rejects.toMatchObject({ name: "RedirectError", status: 307 });
  expect(calls).toHaveLength(2);
  // The endpoint that only redirected again never served a call: the client stays where it was (regression:
  // it used to stay on /v1, so every later call went to an endpoint that had never answered).
  expect(ce.baseUrl).toBe(BASE);
});

test("a 307 to a non-http(s) Location is refused", async () => {
  const { ce, calls } = setup(() => status(307, undefined, { location: "file:///etc/passwd" }));
  await expect(ce.loginPost(credentials)).rejects.toMatchObject({ name: "ConfigurationError" });
  expect(calls).toHaveLength(1);
  expect(ce.baseUrl).toBe(BASE);
});

test.each([
  [401, "AuthenticationError", undefined],
  [402, "PaymentRequiredError", undefined],
  [429, "RateLimitError", { "retry-after": "900" }],
] as const)("login %s is a %s carrying the server's message", async (code, name, headers) => {
  const body = { message: `refused with ${code}` };
  const { ce, calls } = setup(() => status(code, body, headers), { retry: { baseDelayMs: 1 } });
  const error = await ce.loginPost(credentials).catch((e: unknown) => e);
  expect(error).toMatchObject({ name, status: code, body, provider: "cloudendure", method: "POST" });
  if (code === 429) expect(error).toMatchObject({ retryAfterMs: 900_000 });
  // POST /login is never retried: a lockout must not be hammered.
  expect(calls).toHaveLength(1);
  for (const text of [(error as Error).message, inspect(error, { depth: 5 }), JSON.stringify(error)]) {
    expect(text).not.toContain(PASSWORD);
  }
});

test("the session cookie never shows in errors raised after login", async () => {
  const { ce } = setup((url) =>
    url.pathname.endsWith("/login")
      ? loggedIn()
      : status(401, { message: "Unauthorized" }, { "set-cookie": `session=${SESSION}; Path=/` }),
  );
  await ce.loginPost(credentials);
  const error = await ce.logoutPost().catch((e: unknown) => e);
  expect(inspect(error, { depth: 5 })).not.toContain(SESSION);
  expect(JSON.stringify(error)).not.toContain(SESSION);
});

test("any login token is enough; with none, username and password are both required", async () => {
  const { ce, calls } = setup();
  await ce.loginPost({ userApiToken: "3A1F-9C2B" });
  await ce.loginPost({ loginToken: "lt-1" });
  await expect(ce.loginPost({ username: "", password: "" })).rejects.toMatchObject({
    missing: ["username", "password"],
  });
  await expect(ce.loginPost(undefined as never)).rejects.toMatchObject({ name: "MissingCredentialsError" });
  expect(calls.map((c) => JSON.parse(c.body))).toEqual([{ userApiToken: "3A1F-9C2B" }, { loginToken: "lt-1" }]);
});
