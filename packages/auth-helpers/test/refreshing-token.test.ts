import createClient from "openapi-fetch";
import {
  AuthenticationError,
  AuthProtocolError,
  ConfigurationError,
  MissingCredentialsError,
  RefreshTokenInvalidError,
} from "../src/errors";
import { refreshingToken, type RefreshingTokenOptions, type TokenAuth } from "../src/refreshing-token";
import { fakeFetch, json, makeJwt, type Handler } from "./support/fake-fetch";

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Ok = { 200: { headers: Record<string, unknown>; content: { "application/json": { who: string } } } };

interface paths {
  "/me": { get: { parameters: NoParams; requestBody?: never; responses: Ok } };
  "/items": {
    post: { parameters: NoParams; requestBody: { content: { "application/json": { name: string } } }; responses: Ok };
  };
  "/auth/refresh": { post: { parameters: NoParams; requestBody?: never; responses: Ok } };
}

const BASE = "https://custom.polario.test/api";

/** A server that accepts exactly the tokens in `valid` (mutable, so a test can revoke one). */
function tokenServer(valid: Set<string>): Handler {
  return (_request, seen) => {
    const auth = seen.headers.get("authorization") ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    return valid.has(token) ? json(200, { who: `${token}:${seen.body}` }) : json(401, { message: "token expired" });
  };
}

function setup(options: Partial<RefreshingTokenOptions> & Pick<RefreshingTokenOptions, "refresh">, handler: Handler) {
  const api = fakeFetch(handler);
  const strategy = refreshingToken({ provider: "polario", ...options });
  const client = createClient<paths>({ baseUrl: BASE, fetch: api.fetch });
  client.use(strategy);
  return { client, strategy, calls: api.calls };
}

/** A refresh function that counts its calls and hands out new-1, new-2, ... after a tick. */
function countingRefresh(expiresInMs = 3_600_000) {
  let calls = 0;
  const refresh = jest.fn(
    async (_current: { token: string | undefined; refreshToken: string | undefined }): Promise<TokenAuth> => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { token: `new-${calls}`, expiresAt: Date.now() + expiresInMs };
    },
  );
  return refresh;
}

describe("refreshingToken: placing the token", () => {
  it("sends Authorization: Bearer <token> and skips the paths it is told to", async () => {
    const refresh = countingRefresh();
    const { client, calls } = setup(
      { token: "t0", expiresAt: Date.now() + 3_600_000, refresh, skipPath: (p) => p === "/auth/refresh" },
      tokenServer(new Set(["t0"])),
    );
    await client.GET("/me");
    await client.POST("/auth/refresh");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer t0");
    expect(calls[1]!.headers.has("authorization")).toBe(false);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("uses a custom place() function", async () => {
    const { client, calls } = setup(
      { token: "t0", refresh: countingRefresh(), place: (request, token) => request.headers.set("X-Session", token) },
      () => json(200, { who: "x" }),
    );
    await client.GET("/me");
    expect(calls[0]!.headers.get("x-session")).toBe("t0");
  });

  it("refreshes before the first request when it has no token, passing the current state", async () => {
    const refresh = countingRefresh();
    const { client, calls } = setup({ refresh }, tokenServer(new Set(["new-1"])));
    const { data } = await client.GET("/me");
    expect(data?.who).toBe("new-1:");
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledWith({ token: undefined, refreshToken: undefined });
    expect(calls).toHaveLength(1);
  });
});

describe("refreshingToken: expiry", () => {
  it("1000 concurrent requests that all see an expired token → exactly 1 refresh and 1000 successes", async () => {
    const refresh = countingRefresh();
    const onTokenRefreshed = jest.fn();
    const { client, strategy, calls } = setup(
      { token: "old", expiresAt: Date.now() - 1000, refresh, onTokenRefreshed },
      tokenServer(new Set(["new-1"])),
    );
    const results = await Promise.all(Array.from({ length: 1000 }, () => client.GET("/me")));
    const successes = results.filter((r) => r.response.status === 200 && r.data?.who === "new-1:").length;
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(successes).toBe(1000);
    expect(calls).toHaveLength(1000); // no request went out with the expired token
    expect(calls.every((c) => c.headers.get("authorization") === "Bearer new-1")).toBe(true);
    expect(onTokenRefreshed).toHaveBeenCalledTimes(1);
    expect(onTokenRefreshed).toHaveBeenCalledWith({ token: "new-1", expiresAt: expect.any(Number) });
    expect(strategy.current()?.token).toBe("new-1");
  });

  it("refreshes a token that expires within the margin (default 30 s), not one that does not", async () => {
    const early = setup(
      { token: "old", expiresAt: Date.now() + 10_000, refresh: countingRefresh() },
      tokenServer(new Set(["new-1"])),
    );
    await early.client.GET("/me");
    expect(early.calls[0]!.headers.get("authorization")).toBe("Bearer new-1");

    const fine = setup(
      { token: "old", expiresAt: Date.now() + 60_000, refresh: countingRefresh() },
      tokenServer(new Set(["old"])),
    );
    await fine.client.GET("/me");
    expect(fine.calls[0]!.headers.get("authorization")).toBe("Bearer old");

    const margin = setup(
      { token: "old", expiresAt: Date.now() + 60_000, refreshMarginMs: 120_000, refresh: countingRefresh() },
      tokenServer(new Set(["new-1"])),
    );
    await margin.client.GET("/me");
    expect(margin.calls[0]!.headers.get("authorization")).toBe("Bearer new-1");
  });

  it("reads the expiry from the JWT exp claim when none is given", async () => {
    const soon = makeJwt({ exp: Math.floor(Date.now() / 1000) + 5 });
    const later = makeJwt({ exp: Math.floor(Date.now() / 1000) + 3600 });
    const refresh = jest.fn(async () => ({ token: later }));
    const { client, strategy, calls } = setup({ token: soon, refresh }, tokenServer(new Set([later])));
    await client.GET("/me");
    await client.GET("/me");
    expect(refresh).toHaveBeenCalledTimes(1); // once for `soon`; `later` is good for an hour
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual([`Bearer ${later}`, `Bearer ${later}`]);
    expect(strategy.current()?.expiresAt).toBe((Math.floor(Date.now() / 1000) + 3600) * 1000);
  });

  it("does not loop when the refresh hands back a token that is already expired", async () => {
    const refresh = jest.fn(async () => ({ token: "stale", expiresAt: Date.now() - 1 }));
    const { client, calls } = setup({ refresh }, tokenServer(new Set(["stale"])));
    await client.GET("/me");
    await client.GET("/me");
    expect(refresh).toHaveBeenCalledTimes(2); // one per request, never more
    expect(calls).toHaveLength(2);
  });

  it("passes the refresh token and keeps it when the reply does not rotate it", async () => {
    const refresh = jest.fn(async (current: { token?: string; refreshToken?: string }) => ({
      token: `after-${current.token}`,
      expiresAt: Date.now() - 1,
    }));
    const { client, strategy } = setup({ token: "a", refreshToken: "rt-1", expiresAt: 0, refresh }, () =>
      json(200, { who: "x" }),
    );
    await client.GET("/me");
    await client.GET("/me");
    expect(refresh.mock.calls).toEqual([
      [{ token: "a", refreshToken: "rt-1" }],
      [{ token: "after-a", refreshToken: "rt-1" }],
    ]);
    expect(strategy.current()).toMatchObject({ token: "after-after-a", refreshToken: "rt-1" });
  });
});

describe("refreshingToken: 401", () => {
  it("refreshes once and retries the request once, with its body, through the client's fetch", async () => {
    const valid = new Set(["t0"]);
    const refresh = countingRefresh();
    const { client, calls } = setup({ token: "t0", refresh }, tokenServer(valid));
    await client.GET("/me");
    valid.delete("t0"); // the server revokes t0
    valid.add("new-1");
    const { data, response } = await client.POST("/items", { body: { name: "widget" } });
    expect(response.status).toBe(200);
    expect(data?.who).toBe('new-1:{"name":"widget"}');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => [c.method, c.headers.get("authorization"), c.body])).toEqual([
      ["GET", "Bearer t0", ""],
      ["POST", "Bearer t0", '{"name":"widget"}'],
      ["POST", "Bearer new-1", '{"name":"widget"}'],
    ]);
    expect(calls[2]!.headers.get("content-type")).toBe("application/json");
  });

  it("a 401 storm that the refresh fixes: 1 refresh, every request retried once and succeeds", async () => {
    const valid = new Set(["t0"]);
    const refresh = countingRefresh();
    const { client, calls } = setup({ token: "t0", refresh }, tokenServer(valid));
    valid.clear();
    valid.add("new-1");
    const results = await Promise.all(Array.from({ length: 500 }, () => client.GET("/me")));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(results.filter((r) => r.data?.who === "new-1:")).toHaveLength(500);
    expect(calls).toHaveLength(1000); // 500 first attempts + 500 retries
  });

  it("a 401 storm where the refresh fails: every caller gets the refresh's error, 1 refresh per storm, no retries", async () => {
    const refreshError = new RefreshTokenInvalidError({
      provider: "polario",
      status: 416,
      body: undefined,
      headers: new Headers(),
      method: "POST",
      url: `${BASE}/auth/refresh`,
    });
    let refreshCalls = 0;
    const refresh = async (): Promise<TokenAuth> => {
      refreshCalls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw refreshError;
    };
    const { client, calls } = setup({ token: "t0", refresh }, tokenServer(new Set()));

    const storm = await Promise.allSettled(Array.from({ length: 300 }, () => client.GET("/me")));
    expect(refreshCalls).toBe(1);
    expect(calls).toHaveLength(300); // the first attempts only: nothing retried, nothing looped
    expect(storm.every((r) => r.status === "rejected" && r.reason === refreshError)).toBe(true);

    // The next storm refreshes once before sending anything (the server has rejected the token).
    const second = await Promise.allSettled(Array.from({ length: 300 }, () => client.GET("/me")));
    expect(refreshCalls).toBe(2);
    expect(calls).toHaveLength(300);
    expect(second.every((r) => r.status === "rejected" && r.reason === refreshError)).toBe(true);
  });

  it("401s that arrive after the refresh already failed get the same error, without another refresh", async () => {
    const refreshError = new Error("refresh endpoint down");
    let refreshCalls = 0;
    const refresh = async (): Promise<TokenAuth> => {
      refreshCalls += 1;
      throw refreshError;
    };
    let n = 0;
    const { client, calls } = setup({ token: "t0", refresh }, async () => {
      const delay = n++ % 20; // staggered: most 401s arrive after the refresh has failed
      await new Promise((resolve) => setTimeout(resolve, delay));
      return json(401, {});
    });
    const storm = await Promise.allSettled(Array.from({ length: 100 }, () => client.GET("/me")));
    expect(refreshCalls).toBe(1);
    expect(calls).toHaveLength(100);
    expect(storm.every((r) => r.status === "rejected" && r.reason === refreshError)).toBe(true);
  });

  it("a 401 on the retry throws AuthenticationError to every caller and does not loop", async () => {
    const refresh = countingRefresh();
    const { client, calls } = setup({ token: "t0", refresh }, tokenServer(new Set()));
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => client.GET("/me")));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(400); // each request: one attempt + one retry, never a third
    for (const r of results) {
      expect(r.status).toBe("rejected");
      const reason = (r as PromiseRejectedResult).reason as AuthenticationError;
      expect(reason).toBeInstanceOf(AuthenticationError);
      expect(reason).toMatchObject({
        status: 401,
        provider: "polario",
        method: "GET",
        url: `${BASE}/me`,
        body: { message: "token expired" },
      });
    }
  });

  it("a 401 that arrives after the token was already replaced retries with the new one, without refreshing", async () => {
    const refresh = countingRefresh();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { client, strategy, calls } = setup({ token: "t0", refresh }, async (_request, seen) => {
      if (seen.headers.get("authorization") === "Bearer t0") {
        await gate;
        return json(401, {});
      }
      return json(200, { who: "ok" });
    });
    const pending = client.GET("/me");
    await new Promise((resolve) => setTimeout(resolve, 1));
    strategy.set("from-login", Date.now() + 3_600_000);
    release();
    const { data } = await pending;
    expect(data?.who).toBe("ok");
    expect(refresh).not.toHaveBeenCalled();
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer t0", "Bearer from-login"]);
  });

  it("leaves a 401 to a request it did not authenticate alone", async () => {
    const refresh = countingRefresh();
    const { client, calls } = setup({ token: "t0", refresh, skipPath: (p) => p === "/auth/refresh" }, () =>
      json(401, {}),
    );
    const { response } = await client.POST("/auth/refresh");
    expect(response.status).toBe(401);
    expect(refresh).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
  });
});

describe("refreshingToken: lifecycle", () => {
  it("set() installs a login token, current() reads it, clear() forgets it", async () => {
    const refresh = jest.fn(async () => {
      throw new MissingCredentialsError("polario", ["refreshToken"]);
    });
    const { client, strategy, calls } = setup({ refresh }, tokenServer(new Set(["login-token"])));
    expect(strategy.current()).toBeUndefined();
    strategy.set("login-token", Date.now() + 3_600_000, "rt");
    expect(strategy.current()).toMatchObject({ token: "login-token", refreshToken: "rt" });
    await client.GET("/me");
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer login-token");

    strategy.clear();
    expect(strategy.current()).toBeUndefined();
    await expect(client.GET("/me")).rejects.toThrow(MissingCredentialsError);
    expect(refresh).toHaveBeenCalledWith({ token: undefined, refreshToken: undefined });
    expect(calls).toHaveLength(1);
  });

  it("clear() during a refresh discards the refreshed token (a logout is not undone)", async () => {
    let finish!: (auth: TokenAuth) => void;
    const refresh = jest.fn(() => new Promise<TokenAuth>((resolve) => (finish = resolve)));
    const onTokenRefreshed = jest.fn();
    const { client, strategy, calls } = setup({ token: "old", expiresAt: 0, refresh, onTokenRefreshed }, () =>
      json(200, { who: "x" }),
    );
    const pending = client.GET("/me");
    await new Promise((resolve) => setTimeout(resolve, 1));
    strategy.clear();
    finish({ token: "refreshed", expiresAt: Date.now() + 3_600_000 });
    await expect(pending).rejects.toThrow(MissingCredentialsError);
    expect(strategy.current()).toBeUndefined();
    expect(onTokenRefreshed).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });

  it("refuses a refresh reply without a usable token with AuthProtocolError", async () => {
    for (const reply of [
      undefined,
      {},
      { token: "" },
      { token: "a\r\nb" },
      { token: "ok", expiresAt: "soon" },
      { token: "ok", refreshToken: 5 },
    ]) {
      const { client, calls } = setup({ refresh: async () => reply as unknown as TokenAuth }, () =>
        json(200, { who: "x" }),
      );
      const err = await client.GET("/me").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthProtocolError);
      expect((err as AuthProtocolError).protocol).toBe("refresh");
      expect(calls).toHaveLength(0);
    }
  });

  it("refuses a refreshed JWT with alg none", async () => {
    const { client } = setup({ refresh: async () => ({ token: makeJwt({ exp: 1 }, { alg: "none" }) }) }, () =>
      json(200, {}),
    );
    await expect(client.GET("/me")).rejects.toMatchObject({ protocol: "jwt" });
  });

  it("validates its options and set()", () => {
    expect(() => refreshingToken({ provider: "p", refresh: undefined as never })).toThrow(ConfigurationError);
    expect(() =>
      refreshingToken({ provider: "p", refresh: async () => ({ token: "x" }), refreshMarginMs: -1 }),
    ).toThrow(ConfigurationError);
    expect(() => refreshingToken({ provider: "p", refresh: async () => ({ token: "x" }), token: "a\nb" })).toThrow(
      ConfigurationError,
    );
    const strategy = refreshingToken({ provider: "p", refresh: async () => ({ token: "x" }) });
    expect(() => strategy.set("")).toThrow(ConfigurationError);
    expect(() => strategy.set("ok", Number.NaN)).toThrow(ConfigurationError);
  });

  it("the error of onTokenRefreshed reaches the caller; the new token is kept", async () => {
    const { client, strategy } = setup(
      {
        refresh: async () => ({ token: "fresh" }),
        onTokenRefreshed: () => {
          throw new Error("disk full");
        },
      },
      tokenServer(new Set(["fresh"])),
    );
    await expect(client.GET("/me")).rejects.toThrow("disk full");
    expect(strategy.current()?.token).toBe("fresh");
    const { data } = await client.GET("/me");
    expect(data?.who).toBe("fresh:");
  });
});

describe("resuming from a refresh token alone", () => {
  test("the first request refreshes with it, and the refresh token is kept for later refreshes", async () => {
    const seen: unknown[] = [];
    const strategy = refreshingToken({
      provider: "demo",
      refreshToken: "rt-1",
      refresh: async (current) => {
        seen.push(current);
        return { token: `jwt-${seen.length}`, expiresAt: Date.now() + 3_600_000 };
      },
    });
    expect(strategy.current()).toBeUndefined();
    expect(strategy.refreshToken()).toBe("rt-1");
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    const client = createClient<any>({ baseUrl: "http://api.test", fetch });
    client.use(strategy);
    await (client.GET as (path: string) => Promise<unknown>)("/me");
    expect(seen).toEqual([{ token: undefined, refreshToken: "rt-1" }]);
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer jwt-1");
    expect(strategy.current()).toEqual({ token: "jwt-1", expiresAt: expect.any(Number), refreshToken: "rt-1" });
    strategy.clear();
    expect(strategy.refreshToken()).toBeUndefined();
  });
});
