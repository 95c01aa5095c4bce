// Unit tests with an injected fetch: the exact bytes on the wire (text/plain token, boolean query, path encoding),
// the required baseUrl, and what is refused before any request.
import { ConfigurationError, MissingCredentialsError, NotFoundError } from "@sessionkit/auth-helpers";
import { type EquisoftClientOptions, createEquisoftClient } from "../../src";
import { type Seen, fakeFetch, json } from "@sessionkit/mocks/fake-fetch";

const BASE = "https://accounts.internal.example/account-service";
const UUID = "3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17";

function equisoft(
  handler: (seen: Seen) => Response = () => new Response(null, { status: 204 }),
  options: Partial<EquisoftClientOptions> = {},
) {
  const api = fakeFetch(handler);
  return {
    client: createEquisoftClient({ baseUrl: BASE, fetch: api.fetch, retry: false, ...options }),
    calls: api.calls,
  };
}

describe("setSessionSsoToken: the token is the raw text/plain body", () => {
  it.each([
    ["a base64 token", "EwBwA8l6BAAUO9chh8cJscQLmU+LSWpbnr0vmwwAAQ=="],
    ["quotes, backslashes and non-ASCII, which JSON would escape", 'a"b\\c/é€'],
    ["a JSON-looking string, which must not be re-encoded", '{"access_token":"x"}'],
  ])("sends %s byte for byte", async (_name, token) => {
    const { client, calls } = equisoft(() => new Response(null, { status: 200 }));
    await client.setSessionSsoToken({ params: { path: { uuid: UUID, tokenId: "office365" } }, body: token });
    const [put] = calls;
    expect(put!.method).toBe("PUT");
    expect(put!.url.href).toBe(`${BASE}/sessions/${UUID}/tokens/office365`);
    expect(put!.headers.get("content-type")).toBe("text/plain");
    expect(put!.body).toBe(token);
    expect(Buffer.from(put!.body, "utf8").equals(Buffer.from(token, "utf8"))).toBe(true);
  });

  it.each([
    ["an empty string", ""],
    ["a missing body", undefined],
    ["a non-string", { value: "x" }],
  ])("refuses %s before any request", async (_name, body) => {
    const { client, calls } = equisoft();
    await expect(
      client.setSessionSsoToken({ params: { path: { uuid: UUID, tokenId: "office365" } }, body: body as string }),
    ).rejects.toThrow(MissingCredentialsError);
    expect(calls).toEqual([]);
  });
});

describe("enableSessionForCrm: the boolean bumpOldestSession query", () => {
  it.each([
    [true, "?bumpOldestSession=true"],
    [false, "?bumpOldestSession=false"],
    [undefined, ""],
  ])("bumpOldestSession %p → %p", async (bump, search) => {
    const { client, calls } = equisoft(() => new Response(null, { status: 202 }));
    await expect(
      client.enableSessionForCrm({
        params: { path: { uuid: UUID }, query: bump === undefined ? {} : { bumpOldestSession: bump } },
      }),
    ).resolves.toBeUndefined();
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.url.href).toBe(`${BASE}/sessions/${UUID}/enable/crm${search}`);
    expect(calls[0]!.body).toBe("");
  });
});

describe("path parameters", () => {
  it("are percent-encoded, so a value cannot reach another path", async () => {
    const { client, calls } = equisoft(() => json(200, { id: "x", value: "y" }));
    await client.getSessionSsoToken({ params: { path: { uuid: "../admin", tokenId: "a b/c?d" } } });
    expect(calls[0]!.url.pathname).toBe("/account-service/sessions/..%2Fadmin/tokens/a%20b%2Fc%3Fd");
    expect(calls[0]!.url.search).toBe("");
  });

  it.each([
    ["getSession", { uuid: "" }, "uuid"],
    ["deleteSession", {}, "uuid"],
    ["revertIdentity", { uuid: undefined }, "uuid"],
    ["getSessionSsoToken", { uuid: UUID }, "tokenId"],
    ["deleteSessionSsoToken", { uuid: UUID, tokenId: "" }, "tokenId"],
  ])("%s with path %j (no %s) is refused before any request", async (operationId, path, missing) => {
    const { client, calls } = equisoft();
    const call = (client as unknown as Record<string, (init: object) => Promise<unknown>>)[operationId]!;
    const error = await call({ params: { path } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`path parameter "${missing}" is required`);
    expect(calls).toEqual([]);
  });
});

describe("the other operations on the wire", () => {
  it("JSON bodies for createSession and impersonate; no body for the rest; no credential headers", async () => {
    const { client, calls } = equisoft((seen) =>
      seen.method === "POST" && /\/sessions$|impersonate|revertIdentity/.test(seen.path)
        ? json(seen.path.endsWith("/sessions") ? 201 : 200, { sessionId: UUID })
        : new Response(null, { status: 204 }),
    );
    await expect(
      client.createSession({ body: { userUuid: "u-1", enable: false, absoluteTimeout: 60 } }),
    ).resolves.toEqual({ sessionId: UUID });
    await client.impersonate({ params: { path: { uuid: UUID } }, body: { userUuid: "u-2" } });
    await client.revertIdentity({ params: { path: { uuid: UUID } } });
    await client.enableSession({ params: { path: { uuid: UUID } } });
    await client.deleteSession({ params: { path: { uuid: UUID } } });
    await client.deleteAllSessions();
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      "POST /account-service/sessions",
      `POST /account-service/sessions/${UUID}/impersonate`,
      `POST /account-service/sessions/${UUID}/revertIdentity`,
      `POST /account-service/sessions/${UUID}/enable`,
      `DELETE /account-service/sessions/${UUID}`,
      "DELETE /account-service/sessions",
    ]);
    expect(JSON.parse(calls[0]!.body)).toEqual({ userUuid: "u-1", enable: false, absoluteTimeout: 60 });
    expect(calls[0]!.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(calls[1]!.body)).toEqual({ userUuid: "u-2" });
    for (const call of calls.slice(2)) expect(call.body).toBe("");
    for (const call of calls) {
      expect(call.headers.has("authorization")).toBe(false);
      expect(call.headers.has("cookie")).toBe(false);
    }
  });

  it("passes a deployment's own headers (e.g. a gateway key) on every call", async () => {
    const { client, calls } = equisoft(() => json(200, {}), { headers: { "X-Gateway-Key": "gw-1" } });
    await client.getSession({ params: { path: { uuid: UUID } } });
    expect(calls[0]!.headers.get("x-gateway-key")).toBe("gw-1");
  });

  it("a 404 is NotFoundError with the typed ErrorPayload", async () => {
    const { client } = equisoft(() => json(404, { message: "NOT_FOUND", description: "session not found" }));
    const error = await client.getSession({ params: { path: { uuid: UUID } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      provider: "equisoft",
      body: { message: "NOT_FOUND", description: "session not found" },
    });
  });

  it("retries an idempotent GET on 503, never the POST that creates a session", async () => {
    let failures = 1;
    const flaky = (seen: Seen) =>
      failures-- > 0
        ? json(503, { message: "SERVER_ERROR" })
        : json(seen.method === "POST" ? 201 : 200, { sessionId: UUID });
    const get = equisoft(flaky, { retry: { baseDelayMs: 1 } });
    await expect(get.client.getSession({ params: { path: { uuid: UUID } } })).resolves.toEqual({ sessionId: UUID });
    expect(get.calls).toHaveLength(2);

    failures = 1;
    const post = equisoft(flaky, { retry: { baseDelayMs: 1 } });
    await expect(post.client.createSession({ body: { userUuid: "u-1" } })).rejects.toMatchObject({ status: 503 });
    expect(post.calls).toHaveLength(1);
  });
});

describe("baseUrl", () => {
  it.each([
    ["missing", {}],
    ["empty", { baseUrl: " " }],
  ])("is required (%s): there is no public host to default to", (_name, options) => {
    expect(() => createEquisoftClient(options as EquisoftClientOptions)).toThrow(ConfigurationError);
    expect(() => createEquisoftClient(options as EquisoftClientOptions)).toThrow("baseUrl is required");
    expect(() => createEquisoftClient(undefined as never)).toThrow("baseUrl is required");
  });

  it.each(["localhost:8080", "ftp://accounts.internal", "https://user:pw@accounts.internal"])(
    "refuses %s",
    (baseUrl) => {
      expect(() => createEquisoftClient({ baseUrl })).toThrow(ConfigurationError);
    },
  );

  it("keeps the given base path and drops a trailing slash", () => {
    expect(createEquisoftClient({ baseUrl: `${BASE}/` }).baseUrl).toBe(BASE);
  });
});
