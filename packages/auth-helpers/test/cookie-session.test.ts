import fc from "fast-check";
import createClient from "openapi-fetch";
import { cookieSession } from "../src/cookie-session";
import { AuthProtocolError } from "../src/errors";
import { fakeFetch, json, type Handler } from "./support/fake-fetch";

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Ok = { 200: { headers: Record<string, unknown>; content: { "application/json": unknown } } };

interface paths {
  "/login": {
    post: {
      parameters: NoParams;
      requestBody: { content: { "application/json": { username: string } } };
      responses: Ok;
    };
  };
  "/me": { get: { parameters: NoParams; requestBody?: never; responses: Ok } };
  "/logout": { post: { parameters: NoParams; requestBody?: never; responses: Ok } };
}

const CE = "https://console.cloudendure.test/api/latest";
const SESSION = "s3ss10n-v4lue-77";

/** Answers /login with the given Set-Cookie lines, everything else with 200. */
function loginServer(setCookies: string[], other: Handler = () => json(200, {})): Handler {
  return (request, seen) => {
    if (new URL(request.url).pathname.endsWith("/login")) {
      const headers = new Headers({ "content-type": "application/json" });
      for (const line of setCookies) headers.append("set-cookie", line);
      return new Response("{}", { status: 200, headers });
    }
    return other(request, seen);
  };
}

function setup(handler: Handler, baseUrl = CE) {
  const api = fakeFetch(handler);
  const session = cookieSession({ provider: "cloudendure", xsrf: { cookie: "XSRF-TOKEN", header: "X-XSRF-TOKEN" } });
  const client = createClient<paths>({ baseUrl, fetch: api.fetch });
  client.use(session);
  return { client, session, calls: api.calls };
}

describe("cookieSession (CloudEndure)", () => {
  it("before any Set-Cookie (the cookie library not needed yet): nothing sent, nothing held, clear() is harmless", async () => {
    const { client, session, calls } = setup(() => json(200, {}));
    session.clear();
    await client.GET("/me");
    await client.GET("/me");
    expect(calls.map((c) => c.headers.get("cookie"))).toEqual([null, null]);
    expect(session.has("session", `${CE}/me`)).toBe(false);
  });

  it("stores the login cookies and sends them back with the XSRF header", async () => {
    const { client, session, calls } = setup(
      loginServer([
        `session=${SESSION}; Path=/; Expires=Wed, 21 Oct 2099 07:28:00 GMT; HttpOnly; Secure`,
        'XSRF-TOKEN="abc%2Bdef%3D%3D"; Path=/',
      ]),
    );
    await client.POST("/login", { body: { username: "u" } });
    expect(calls[0]!.headers.get("cookie")).toBeNull(); // nothing stored yet
    expect(session.has("session", `${CE}/me`)).toBe(true);

    await client.GET("/me");
    const me = calls[1]!;
    expect(me.headers.get("cookie")).toBe(`session=${SESSION}; XSRF-TOKEN="abc%2Bdef%3D%3D"`);
    // quotes stripped and URL-decoded, as CloudEndure's AngularJS-style XSRF check expects
    expect(me.headers.get("x-xsrf-token")).toBe("abc+def==");
  });

  it("scopes cookies by the URL they came from (host, path, Secure)", async () => {
    const { client, session } = setup(
      loginServer(["session=abc; Path=/api", "narrow=1; Path=/api/latest/admin", "secure_only=1; Secure; Path=/"]),
    );
    await client.POST("/login", { body: { username: "u" } });
    expect(session.has("session", `${CE}/me`)).toBe(true);
    expect(session.has("session", "https://other.cloudendure.test/api/latest/me")).toBe(false);
    expect(session.has("session", "https://console.cloudendure.test/other")).toBe(false);
    expect(session.has("narrow", `${CE}/me`)).toBe(false);
    expect(session.has("narrow", `${CE}/admin/x`)).toBe(true);
    expect(session.has("secure_only", `${CE}/me`)).toBe(true);
    expect(session.has("secure_only", "http://console.cloudendure.test/api/latest/me")).toBe(false);
  });

  it("sends cookies with longer paths first (RFC 6265 §5.4)", async () => {
    const { client, calls } = setup(loginServer(["a=root; Path=/", "a=deep; Path=/api/latest"]));
    await client.POST("/login", { body: { username: "u" } });
    await client.GET("/me");
    expect(calls.at(-1)!.headers.get("cookie")).toBe("a=deep; a=root");
  });

  it("reads every Set-Cookie separately (commas in Expires do not split them)", async () => {
    const { client, session } = setup(
      loginServer(["a=1; Expires=Wed, 21 Oct 2099 07:28:00 GMT", "b=2; Expires=Thu, 22 Oct 2099 07:28:00 GMT"]),
    );
    await client.POST("/login", { body: { username: "u" } });
    expect(session.has("a", CE)).toBe(true);
    expect(session.has("b", CE)).toBe(true);
  });

  it("accepts a cookie for a parent domain of the host", async () => {
    const { client, session } = setup(loginServer(["session=abc; Domain=cloudendure.test; Path=/"]));
    await client.POST("/login", { body: { username: "u" } });
    expect(session.has("session", "https://other.cloudendure.test/")).toBe(true);
  });

  it.each([
    ["another domain", `session=${SESSION}; Domain=evil.test`, /domain other than/],
    ["a public suffix", `session=${SESSION}; Domain=com`, /public suffix/],
  ])("refuses a cookie for %s with AuthProtocolError, never silently", async (_, line, reason) => {
    const { client, session } = setup(loginServer([line, "kept=1"]));
    const err = (await client
      .POST("/login", { body: { username: "u" } })
      .catch((e: unknown) => e)) as AuthProtocolError;
    expect(err).toBeInstanceOf(AuthProtocolError);
    expect(err.protocol).toBe("cookie");
    expect(err.message).toMatch(reason);
    expect(err.message).toContain('"session"');
    expect(err.message).not.toContain(SESSION);
    // All or nothing: the valid cookies of a refused response are not stored either (no half session).
    expect(session.has("kept", CE)).toBe(false);
  });

  it("a response with a refused cookie leaves the session from before intact (no half-replaced session)", async () => {
    let login = 0;
    const { client, session, calls } = setup((request) => {
      if (!new URL(request.url).pathname.endsWith("/login")) return json(200, {});
      login += 1;
      const headers = new Headers({ "content-type": "application/json" });
      if (login === 1) {
        headers.append("set-cookie", `session=${SESSION}; Path=/`);
        headers.append("set-cookie", "XSRF-TOKEN=first; Path=/");
      } else {
        headers.append("set-cookie", "session=replacement; Path=/");
        headers.append("set-cookie", "XSRF-TOKEN=evil; Domain=evil.example; Path=/");
      }
      return new Response("{}", { status: 200, headers });
    });
    await client.POST("/login", { body: { username: "u" } });
    await expect(client.POST("/login", { body: { username: "u" } })).rejects.toBeInstanceOf(AuthProtocolError);
    expect(session.has("session", CE)).toBe(true);
    await client.GET("/me");
    expect(calls.at(-1)!.headers.get("cookie")).toBe(`session=${SESSION}; XSRF-TOKEN=first`);
    expect(calls.at(-1)!.headers.get("x-xsrf-token")).toBe("first");
  });

  it("refuses a Secure cookie sent over plain http from a non-local host", async () => {
    const { client } = setup(loginServer(["session=abc; Secure"]), "http://console.cloudendure.test/api/latest");
    await expect(client.POST("/login", { body: { username: "u" } })).rejects.toThrow(/Secure flag/);
  });

  it("ignores a Set-Cookie that does not parse (RFC 6265 §5.2), as browsers do", async () => {
    const { client, session } = setup(loginServer(["=novalue", "good=1"]));
    await client.POST("/login", { body: { username: "u" } });
    expect(session.has("good", CE)).toBe(true);
  });

  it("forgets the session on clear() and when the server expires the cookie", async () => {
    const { client, session, calls } = setup(
      loginServer(["session=abc; Path=/"], (request) => {
        if (request.url.endsWith("/logout")) {
          return new Response("{}", { headers: { "set-cookie": "session=; Max-Age=0; Path=/" } });
        }
        return json(200, {});
      }),
    );
    await client.POST("/login", { body: { username: "u" } });
    await client.POST("/logout");
    expect(session.has("session", CE)).toBe(false);
    await client.GET("/me");
    expect(calls.at(-1)!.headers.get("cookie")).toBeNull();

    await client.POST("/login", { body: { username: "u" } });
    expect(session.has("session", CE)).toBe(true);
    session.clear();
    expect(session.has("session", CE)).toBe(false);
    await client.GET("/me");
    expect(calls.at(-1)!.headers.get("cookie")).toBeNull();
  });

  it("merges with a Cookie header the caller set; the caller's value wins", async () => {
    const { client, calls } = setup(loginServer(["session=stored; Path=/", "other=o; Path=/"]));
    await client.POST("/login", { body: { username: "u" } });
    await client.GET("/me", { headers: { Cookie: "session=explicit" } });
    expect(calls.at(-1)!.headers.get("cookie")).toBe("session=explicit; other=o");
  });

  it("refuses an XSRF cookie that cannot be decoded or sent", async () => {
    const { client } = setup(loginServer(["XSRF-TOKEN=%E0%A4%A; Path=/"]));
    await client.POST("/login", { body: { username: "u" } });
    await expect(client.GET("/me")).rejects.toThrow(AuthProtocolError);
    const second = setup(loginServer(["XSRF-TOKEN=a%0Db; Path=/"]));
    await second.client.POST("/login", { body: { username: "u" } });
    await expect(second.client.GET("/me")).rejects.toThrow(/cannot be sent as a header/);
  });
});

describe("Set-Cookie handling on malformed input (property)", () => {
  // Values a Headers object accepts (no CR/LF/NUL, nothing above U+00FF).
  const headerValue = fc
    .string({ unit: "binary", maxLength: 120 })
    .map((s) => s.replace(/[\u0000\r\n]/g, "").replace(/[^\u0000-\u00ff]/g, "x"));
  const attribute = fc.constantFrom(
    "Path=/",
    "Path=",
    "Domain=",
    "Domain=.",
    "Domain=cloudendure.test",
    "Domain=evil.test",
    "Domain=com",
    "Domain=[::1]",
    "Max-Age=-1",
    "Max-Age=abc",
    "Expires=not a date",
    "Secure",
    "HttpOnly",
    "SameSite=Strict",
    "SameSite=bogus",
  );
  const structured = fc
    .tuple(fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{0,12}$/), headerValue, fc.array(attribute, { maxLength: 4 }))
    .map(([name, value, attrs]) => [`${name}=${value.replace(/;/g, "")}`, ...attrs].join("; "));

  it("onResponse only returns or throws AuthProtocolError, and the next request still works", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(headerValue, structured), { maxLength: 4 }), async (lines) => {
        const api = fakeFetch((request) => {
          const headers = new Headers();
          if (request.url.endsWith("/login")) for (const line of lines) headers.append("set-cookie", line);
          return new Response("{}", { headers });
        });
        const session = cookieSession({
          provider: "cloudendure",
          xsrf: { cookie: "XSRF-TOKEN", header: "X-XSRF-TOKEN" },
        });
        const client = createClient<paths>({ baseUrl: CE, fetch: api.fetch });
        client.use(session);
        for (const call of [() => client.POST("/login", { body: { username: "u" } }), () => client.GET("/me")]) {
          try {
            await call();
          } catch (error) {
            if (!(error instanceof AuthProtocolError)) throw error;
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
