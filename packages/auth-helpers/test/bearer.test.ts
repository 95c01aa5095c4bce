import createClient from "openapi-fetch";
import { bearer, normalizeToken } from "../src/bearer";
import { ConfigurationError, MissingCredentialsError } from "../src/errors";
import { fakeFetch } from "./support/fake-fetch";

interface paths {
  "/account/profile": {
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { "application/json": { ok: boolean } } } };
    };
  };
}

function clientWith(strategy: ReturnType<typeof bearer>) {
  const api = fakeFetch();
  const client = createClient<paths>({ baseUrl: "https://app.example.com", fetch: api.fetch });
  client.use(strategy);
  return { client, calls: api.calls };
}

// The check Prism applies to bearer security schemes (stoplightio/prism handlers/bearer.ts).
const PRISM_BEARER = /^Bearer\s.+$/;

describe("bearer", () => {
  it("sends Authorization: Bearer <token> in the form Prism accepts", async () => {
    const { client, calls } = clientWith(bearer("tok-123"));
    const { data } = await client.GET("/account/profile");
    expect(data).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer tok-123");
    expect(calls[0]!.headers.get("authorization")).toMatch(PRISM_BEARER);
  });

  it("reads the token on every request, from a sync or async function", async () => {
    let current = "first";
    const { client, calls } = clientWith(bearer(async () => current));
    await client.GET("/account/profile");
    current = "second";
    await client.GET("/account/profile");
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer first", "Bearer second"]);

    const sync = clientWith(bearer(() => "sync-token"));
    await sync.client.GET("/account/profile");
    expect(sync.calls[0]!.headers.get("authorization")).toBe("Bearer sync-token");
  });

  it.each([
    ["Bearer abc", "abc"],
    ["bearer abc", "abc"],
    ["BEARER   abc", "abc"],
    ["  abc  ", "abc"],
    ["Bearerabc", "Bearerabc"],
  ])("normalises %j to the bare token %j", async (given, bare) => {
    const { client, calls } = clientWith(bearer(given));
    await client.GET("/account/profile");
    expect(calls[0]!.headers.get("authorization")).toBe(`Bearer ${bare}`);
  });

  it.each([[""], ["   "], ["Bearer"], ["Bearer   "]])(
    "treats %j as a missing token: MissingCredentialsError before any fetch",
    async (given) => {
      const { client, calls } = clientWith(bearer(given, { provider: "koyeb" }));
      const err = await client.GET("/account/profile").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MissingCredentialsError);
      expect(err).toMatchObject({ provider: "koyeb", missing: ["token"] });
      expect(calls).toHaveLength(0);
    },
  );

  it("throws MissingCredentialsError when the token function returns nothing", async () => {
    const { client, calls } = clientWith(bearer(async () => undefined, { provider: "koyeb" }));
    await expect(client.GET("/account/profile")).rejects.toThrow(MissingCredentialsError);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["s3cr3t\r\nX-Injected: 1"],
    ["s3cr3t\nabc"],
    ["s3cr3t\u0000abc"],
    ["s3cr3t\u007fabc"],
    ["s3cr3t\u20acabc"],
  ])("refuses a token with %j (control or non-Latin-1 characters) and does not echo it", async (token) => {
    const { client, calls } = clientWith(bearer(token, { provider: "koyeb" }));
    const err = (await client.GET("/account/profile").catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).not.toContain("s3cr3t");
    expect(calls).toHaveLength(0);
  });

  it("leaves an Authorization header the caller set on the request alone", async () => {
    const { client, calls } = clientWith(bearer("default-token"));
    await client.GET("/account/profile", { headers: { Authorization: "Bearer per-call" } });
    expect(calls[0]!.headers.get("authorization")).toBe("Bearer per-call");
  });

  it("supports another header and a bare token", async () => {
    const { client, calls } = clientWith(bearer("k-1", { header: "X-Auth-Token", scheme: "" }));
    await client.GET("/account/profile");
    expect(calls[0]!.headers.get("x-auth-token")).toBe("k-1");
    expect(calls[0]!.headers.has("authorization")).toBe(false);
  });

  it("rejects an invalid header name or scheme when it is created", () => {
    expect(() => bearer("t", { header: "Bad Header" })).toThrow(ConfigurationError);
    expect(() => bearer("t", { scheme: "Bea rer" })).toThrow(ConfigurationError);
  });

  it("normalizeToken keeps the token when the scheme only prefixes it", () => {
    expect(normalizeToken("Bearer", "")).toBe("Bearer");
    expect(normalizeToken(undefined)).toBeUndefined();
    expect(normalizeToken("Token abc", "Token")).toBe("abc");
  });
});
