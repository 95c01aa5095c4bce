// Unit tests with an injected fetch: what the wire carries, and the token's life across login, refresh and logout.
import { inspect } from "node:util";
import { fakeFetch, json } from "@sessionkit/mocks/fake-fetch";
import { createKoyebClient } from "../../src";

const reply = (id: string, expiresAt: string) => ({
  token: { id, user_id: "u1", organization_id: "o1", expires_at: expiresAt },
});
const later = new Date(Date.now() + 3_600_000).toISOString();

test("login sends JSON credentials and the seon-fp header, then uses the returned token as Bearer", async () => {
  const { fetch, calls } = fakeFetch(({ path }) =>
    json(200, path === "/v1/account/login" ? reply("tok-1", later) : reply("tok-2", later)),
  );
  const persisted: unknown[] = [];
  const koyeb = createKoyebClient({
    baseUrl: "http://koyeb.test",
    fetch,
    onTokenRefreshed: (g) => void persisted.push(g),
  });
  await koyeb.login({ email: "jane@example.com", password: "s3cret-pw" }, { seonFp: "fp-9" });
  await koyeb.newSession();

  expect(calls[0]?.headers.get("content-type")).toBe("application/json");
  expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ email: "jane@example.com", password: "s3cret-pw" });
  expect(calls[0]?.headers.get("seon-fp")).toBe("fp-9");
  expect(calls[1]?.headers.get("authorization")).toBe("Bearer tok-1");
  expect(persisted).toEqual([
    { token: "tok-1", expiresAt: Date.parse(later) },
    { token: "tok-2", expiresAt: Date.parse(later) },
  ]);
});

test("a token about to expire is refreshed (PUT /v1/account/refresh with the old token) before the call", async () => {
  const soon = new Date(Date.now() + 5_000).toISOString();
  const { fetch, calls } = fakeFetch(({ path }) =>
    json(200, path === "/v1/account/refresh" ? reply("fresh", later) : reply("x", later)),
  );
  const koyeb = createKoyebClient({
    baseUrl: "http://koyeb.test",
    fetch,
    token: "old",
    tokenExpiresAt: Date.parse(soon),
  });
  await koyeb.newSession();
  expect(calls.map((c) => `${c.method} ${c.path} ${c.headers.get("authorization")}`)).toEqual([
    "PUT /v1/account/refresh Bearer old",
    "POST /v1/account/session Bearer fresh",
  ]);
});

test("logout forgets the token even when the server fails, so the next call asks for a login", async () => {
  const { fetch, calls } = fakeFetch(() => json(500, { status: 500, code: "internal", message: "boom" }));
  const koyeb = createKoyebClient({ baseUrl: "http://koyeb.test", fetch, token: "tok", retry: false });
  await expect(koyeb.logout()).rejects.toMatchObject({ name: "InternalServerError", status: 500 });
  await expect(koyeb.newSession()).rejects.toMatchObject({ name: "MissingCredentialsError" });
  expect(calls).toHaveLength(1);
});

test("neither the client nor its errors show the token or password", async () => {
  const { fetch } = fakeFetch(() =>
    json(401, { status: 401, code: "unauthenticated", message: "The token is not valid" }),
  );
  const koyeb = createKoyebClient({ baseUrl: "http://koyeb.test", fetch, token: "tok-secret-123", retry: false });
  const error = await koyeb.newSession().catch((e: unknown) => e);
  for (const text of [
    inspect(koyeb, { depth: 10 }),
    inspect(error, { depth: 10 }),
    String(error),
    JSON.stringify(error),
  ]) {
    expect(text).not.toContain("tok-secret-123");
  }
  expect(error).toMatchObject({ name: "AuthenticationError", headers: expect.any(Object) });
});

test("a baseUrl that is not http(s) is refused before anything is sent", () => {
  expect(() => createKoyebClient({ baseUrl: "ftp://koyeb.test" })).toThrow("baseUrl must be http(s)");
});
