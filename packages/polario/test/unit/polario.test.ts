// Unit tests with an injected fetch: what Prism cannot check (a real SCRAM verifier on the other side, the exact
// wire encoding, where the JWT goes, refresh timing, state after logout, errors before any request).
import { inspect } from "node:util";
import {
  AuthenticationError,
  AuthProtocolError,
  InternalServerError,
  MissingCredentialsError,
  RefreshTokenInvalidError,
} from "@sessionkit/auth-helpers";
import { createPolarioClient, type PolarioClientOptions } from "../../src";
import { type Seen, fakeFetch, json, makeJwt } from "@sessionkit/mocks/fake-fetch";
import { scramServer } from "../support/scram-server";

const EMAIL = "jane@example.com";
const PASSWORD = "correct horse battery staple";
const FUTURE = Math.floor(Date.now() / 1000) + 3600;
const LOGIN_JWT = makeJwt({ sub: "jane", exp: FUTURE });
const REFRESHED_JWT = makeJwt({ sub: "jane", exp: FUTURE + 60 });
const EXPIRED_JWT = makeJwt({ sub: "jane", exp: Math.floor(Date.now() / 1000) - 60 });

/** Sees each request first; `next()` is the default server's answer. */
type Route = (seen: Seen, next: () => Promise<Response>) => Response | Promise<Response>;

/** A Polario server: real SCRAM for EMAIL/PASSWORD, refresh with "rt-1", logout with the JWT it handed out. */
function polario(override: Route = (_seen, next) => next(), options: Partial<PolarioClientOptions> = {}) {
  const scram = scramServer(EMAIL, PASSWORD);
  const api = fakeFetch((seen) => override(seen, async () => server(seen)));
  async function server(seen: Seen): Promise<Response> {
    const body = seen.body ? JSON.parse(seen.body) : undefined;
    switch (`${seen.method} ${seen.path}`) {
      case "POST /api/auth/auth":
        return json(200, scram.first(body));
      case "POST /api/auth/login": {
        const signature = scram.final(body);
        if (!signature) return json(401, { error: "unauthorized" });
        return json(200, { signature, refreshToken: "rt-1", deviceId: "dev-1" }, { Session: LOGIN_JWT });
      }
      case "POST /api/auth/session":
        return body.refreshToken === "rt-1"
          ? json(200, { deviceId: "dev-1" }, { Session: REFRESHED_JWT })
          : json(416, { error: "invalid refresh token" });
      case "GET /api/auth/logout":
        return [LOGIN_JWT, REFRESHED_JWT].includes(seen.headers.get("session") ?? "")
          ? json(200, { status: "ok" })
          : json(401, { error: "unauthorized" });
    }
    return json(404, { error: "not found" });
  }
  const client = createPolarioClient({ fetch: api.fetch, retry: false, ...options });
  return { client, calls: api.calls, route: () => api.calls.map((c) => `${c.method} ${c.path}`) };
}

describe("login: SCRAM-SHA-256 against an independent server implementation", () => {
  it("sends {email, nonce}, then {email, nonce, proof}, and verifies the server's signature", async () => {
    const grants: unknown[] = [];
    const { client, calls, route } = polario(undefined, { onTokenRefreshed: (g) => void grants.push(g) });
    const login = await client.login({ email: EMAIL, password: PASSWORD });
    expect(login).toMatchObject({ token: LOGIN_JWT, refreshToken: "rt-1", deviceId: "dev-1" });
    expect(route()).toEqual(["POST /api/auth/auth", "POST /api/auth/login"]);
    const [first, final] = calls;
    const firstBody = JSON.parse(first!.body);
    expect(Object.keys(firstBody)).toEqual(["email", "nonce"]);
    // The default nonce is random: 18 bytes of base64.
    expect(firstBody.nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    const finalBody = JSON.parse(final!.body);
    expect(Object.keys(finalBody)).toEqual(["email", "nonce", "proof"]);
    expect(finalBody.nonce.startsWith(firstBody.nonce)).toBe(true);
    expect(finalBody.proof).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    for (const call of [first!, final!]) {
      expect(call.headers.get("content-type")).toBe("application/json");
      expect(call.headers.has("session")).toBe(false);
      expect(call.headers.has("authorization")).toBe(false);
      expect(call.headers.has("platform")).toBe(false);
    }
    expect(grants).toEqual([{ token: LOGIN_JWT, refreshToken: "rt-1", expiresAt: FUTURE * 1000 }]);
    expect(client.loggedIn).toBe(true);
  });

  it("uses a fresh nonce per login and the Platform header on both steps when given", async () => {
    const { client, calls } = polario();
    await client.login({ email: EMAIL, password: PASSWORD }, { platform: "Web", device: { os: "Mac", browser: null } });
    await client.login({ email: EMAIL, password: PASSWORD });
    const nonces = [calls[0]!, calls[2]!].map((c) => JSON.parse(c.body).nonce);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect([calls[0]!.headers.get("platform"), calls[1]!.headers.get("platform")]).toEqual(["Web", "Web"]);
    expect(JSON.parse(calls[1]!.body)).toMatchObject({ os: "Mac", browser: null });
    expect(calls[3]!.headers.has("platform")).toBe(false);
  });

  it("a wrong password is the server's 401 (AuthenticationError); no session is kept", async () => {
    const { client } = polario();
    const error = await client.login({ email: EMAIL, password: "wrong" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(client.loggedIn).toBe(false);
  });

  it("a server that cannot prove it knows the password (forged signature) is an AuthProtocolError", async () => {
    const forged = Buffer.alloc(32, 7).toString("base64");
    const { client } = polario((seen, next) =>
      seen.path === "/api/auth/login"
        ? json(200, { signature: forged, refreshToken: "rt-1" }, { Session: LOGIN_JWT })
        : next(),
    );
    const error = await client.login({ email: EMAIL, password: PASSWORD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthProtocolError);
    expect(error).toMatchObject({
      protocol: "scram",
      message: expect.stringContaining("server signature does not match"),
    });
    expect(client.loggedIn).toBe(false);
  });

  it.each([
    ["an empty signature", { signature: "", refreshToken: "rt-1" }, "not base64"],
    ["no signature", { refreshToken: "rt-1" }, "not base64"],
  ])("%s is an AuthProtocolError", async (_name, reply, message) => {
    const { client } = polario((seen, next) =>
      seen.path === "/api/auth/login" ? json(200, reply, { Session: LOGIN_JWT }) : next(),
    );
    await expect(client.login({ email: EMAIL, password: PASSWORD })).rejects.toMatchObject({
      name: "AuthProtocolError",
      message: expect.stringContaining(message),
    });
  });

  it("a server nonce that does not extend the client's is refused before the proof is sent", async () => {
    const { client, route } = polario((seen, next) =>
      seen.path === "/api/auth/auth"
        ? json(200, { nonce: "someone-elses-nonce", salt: "c2FsdA==", iterationCount: 4096 })
        : next(),
    );
    await expect(client.login({ email: EMAIL, password: PASSWORD })).rejects.toThrow(
      "server nonce must extend the client nonce",
    );
    expect(route()).toEqual(["POST /api/auth/auth"]);
  });

  it("a verified login without the JWT in the Session header is an AuthProtocolError", async () => {
    // The real server's reply, signature and all, minus the header.
    const { client } = polario(async (seen, next) => {
      const reply = await next();
      return seen.path === "/api/auth/login" ? json(reply.status, await reply.json()) : reply;
    });
    await expect(client.login({ email: EMAIL, password: PASSWORD })).rejects.toMatchObject({
      name: "AuthProtocolError",
      protocol: "jwt",
      message: expect.stringContaining("no JWT in its Session header"),
    });
    expect(client.loggedIn).toBe(false);
  });

  it("missing email or password is refused before any request", async () => {
    const { client, calls } = polario();
    await expect(client.login({ email: EMAIL, password: "" })).rejects.toThrow(MissingCredentialsError);
    await expect(client.login({ email: " ", password: PASSWORD })).rejects.toThrow("missing credentials: email");
    await expect(client.login(undefined as never)).rejects.toThrow("missing credentials: email, password");
    expect(calls).toEqual([]);
  });
});

describe("the JWT in the Session header", () => {
  it("logout sends the login's JWT as `Session` (not Authorization) and forgets the session", async () => {
    const { client, calls, route } = polario();
    await client.login({ email: EMAIL, password: PASSWORD });
    await expect(client.authLogoutGet()).resolves.toEqual({ status: "ok" });
    const logout = calls[2]!;
    expect(logout.headers.get("session")).toBe(LOGIN_JWT);
    expect(logout.headers.has("authorization")).toBe(false);
    expect(logout.body).toBe("");
    expect(client.loggedIn).toBe(false);
    // After logout nothing is left to send: both calls are refused before any request.
    await expect(client.authLogoutGet()).rejects.toThrow(MissingCredentialsError);
    await expect(client.authSessionPost()).rejects.toThrow("missing credentials: refreshToken");
    expect(route()).toEqual(["POST /api/auth/auth", "POST /api/auth/login", "GET /api/auth/logout"]);
  });

  it("a failing logout still forgets the session", async () => {
    const { client } = polario((seen, next) =>
      seen.path === "/api/auth/logout" ? json(500, { error: "boom" }) : next(),
    );
    await client.login({ email: EMAIL, password: PASSWORD });
    await expect(client.authLogoutGet()).rejects.toThrow(InternalServerError);
    expect(client.loggedIn).toBe(false);
  });

  it("the raw logout operation also gets the held JWT, whatever header the caller typed", async () => {
    const { client, calls } = polario();
    await client.login({ email: EMAIL, password: PASSWORD });
    await client.withResponse.authLogoutGet({ params: { header: { Session: "stale" } } });
    expect(calls[2]!.headers.get("session")).toBe(LOGIN_JWT);
  });
});

describe("refresh", () => {
  it("authSessionPost trades the stored refresh token for a new JWT, used from then on", async () => {
    const grants: unknown[] = [];
    const { client, calls } = polario(undefined, { onTokenRefreshed: (g) => void grants.push(g) });
    await client.login({ email: EMAIL, password: PASSWORD });
    await expect(client.authSessionPost()).resolves.toEqual({ deviceId: "dev-1", token: REFRESHED_JWT });
    expect(JSON.parse(calls[2]!.body)).toEqual({ refreshToken: "rt-1" });
    expect(calls[2]!.headers.has("session")).toBe(false);
    await client.authLogoutGet();
    expect(calls[3]!.headers.get("session")).toBe(REFRESHED_JWT);
    expect(grants).toHaveLength(2);
    expect(grants[1]).toEqual({ token: REFRESHED_JWT, refreshToken: "rt-1", expiresAt: (FUTURE + 60) * 1000 });
  });

  it("an expired JWT (its exp claim) is refreshed before the call that needs it", async () => {
    const grants: unknown[] = [];
    const { client, calls, route } = polario(undefined, {
      token: EXPIRED_JWT,
      refreshToken: "rt-1",
      onTokenRefreshed: (g) => void grants.push(g),
    });
    await client.authLogoutGet();
    expect(route()).toEqual(["POST /api/auth/session", "GET /api/auth/logout"]);
    expect(calls[1]!.headers.get("session")).toBe(REFRESHED_JWT);
    expect(grants).toEqual([{ token: REFRESHED_JWT, refreshToken: "rt-1", expiresAt: (FUTURE + 60) * 1000 }]);
  });

  it("a 401 refreshes once and retries once with the new JWT", async () => {
    // The server has revoked the JWT the client holds (it does not look expired).
    const { client, calls, route } = polario(undefined, { token: makeJwt({ exp: FUTURE }), refreshToken: "rt-1" });
    await expect(client.authLogoutGet()).resolves.toEqual({ status: "ok" });
    expect(route()).toEqual(["GET /api/auth/logout", "POST /api/auth/session", "GET /api/auth/logout"]);
    expect(calls[2]!.headers.get("session")).toBe(REFRESHED_JWT);
  });

  it("an invalid refresh token (416) is RefreshTokenInvalidError, and the call that needed it is not sent", async () => {
    const { client, route } = polario(undefined, { token: EXPIRED_JWT, refreshToken: "rt-revoked" });
    const error = await client.authLogoutGet().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefreshTokenInvalidError);
    expect(error).toMatchObject({ status: 416, body: { error: "invalid refresh token" } });
    expect(route()).toEqual(["POST /api/auth/session"]);
  });

  it("a refresh reply without the Session header is an AuthProtocolError", async () => {
    const { client } = polario(async (seen, next) =>
      seen.path === "/api/auth/session" ? json(200, { deviceId: "dev-1" }) : next(),
    );
    await client.login({ email: EMAIL, password: PASSWORD });
    await expect(client.authSessionPost()).rejects.toMatchObject({ name: "AuthProtocolError", protocol: "jwt" });
  });
});

describe("retries", () => {
  it("retries the idempotent logout on 503, but not the refresh POST", async () => {
    let failures = 2;
    const { client, route } = polario(
      (_seen, next) => (failures-- > 0 ? json(503, { error: "unavailable" }, { "retry-after-ms": "1" }) : next()),
      { token: LOGIN_JWT, refreshToken: "rt-1", retry: { baseDelayMs: 1 } },
    );
    await expect(client.authLogoutGet()).resolves.toEqual({ status: "ok" });
    expect(route()).toEqual(["GET /api/auth/logout", "GET /api/auth/logout", "GET /api/auth/logout"]);

    failures = 1;
    const again = polario((_seen, next) => (failures-- > 0 ? json(503, { error: "unavailable" }) : next()), {
      token: LOGIN_JWT,
      refreshToken: "rt-1",
      retry: { baseDelayMs: 1 },
    });
    await expect(again.client.authSessionPost()).rejects.toMatchObject({ status: 503 });
    expect(again.route()).toEqual(["POST /api/auth/session"]);
  });
});

describe("secrets", () => {
  it("neither util.inspect of the client nor its errors show the password, JWT or refresh token", async () => {
    const { client } = polario((seen, next) =>
      seen.path === "/api/auth/logout" ? json(500, { error: "boom" }) : next(),
    );
    await client.login({ email: EMAIL, password: PASSWORD });
    const shown = [inspect(client, { depth: 6, getters: true })];
    shown.push(inspect(await client.authLogoutGet().catch((e: unknown) => e), { depth: 6 }));
    shown.push(
      inspect(await client.login({ email: EMAIL, password: `nope-${PASSWORD}` }).catch((e: unknown) => e), {
        depth: 6,
      }),
    );
    for (const text of shown) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(LOGIN_JWT);
      expect(text).not.toContain("rt-1");
    }
  });
});

it("defaults to the vendor's base URL", () => {
  expect(createPolarioClient().baseUrl).toBe("https://custom.polario.de/api");
});
