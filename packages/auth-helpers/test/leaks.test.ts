import { inspect } from "node:util";
import createClient, { type Middleware } from "openapi-fetch";
import { apiKeys } from "../src/api-key";
import { bearer } from "../src/bearer";
import { cookieSession } from "../src/cookie-session";
import { ApiError } from "../src/errors";
import { readJwtExpiry } from "../src/jwt";
import { refreshingToken } from "../src/refreshing-token";
import { createScramClient } from "../src/scram";
import { Secret } from "../src/secret";
import { fakeFetch, json, makeJwt, type Handler } from "./support/fake-fetch";

// Every secret the tests below hand to a strategy. Distinct prefixes make a hit unambiguous.
const BEARER_TOKEN = "lk-bearer-7f3a9c21";
const API_KEY = "lk-apikey-19d2e8b0";
const SESSION_COOKIE = "lk-cookie-44b1aa5e";
const XSRF = "lk-xsrf-0c99d1f3";
const REFRESH_TOKEN = "lk-refresh-5e6f70aa";
const NEW_TOKEN = "lk-newtoken-31c2d4e5";
const PASSWORD = "lk-password-8a8b8c8d";
const SESSION_ID = "lk-sessionid-6d6e6f70";
const JWT_NONE = makeJwt({ sub: "lk-jwt-subject-1234", exp: 2_000_000_000 }, { alg: "none" });
const JWT_BAD_EXP = makeJwt({ sub: "lk-jwt-subject-5678", exp: "tomorrow" });

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Ok = { 200: { headers: Record<string, unknown>; content: { "application/json": unknown } } };
interface paths {
  "/me": { get: { parameters: NoParams; requestBody?: never; responses: Ok } };
  "/login": { post: { parameters: NoParams; requestBody?: never; responses: Ok } };
}

function client(strategy: Middleware, handler: Handler, baseUrl = "https://api.example.test") {
  const api = fakeFetch(handler);
  const c = createClient<paths>({ baseUrl, fetch: api.fetch });
  c.use(strategy);
  return c;
}

async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

/** Every way an error or object commonly ends up in a log. */
function renderings(value: unknown): string[] {
  const out = [
    String(value),
    inspect(value, { depth: 20 }),
    inspect(value, { depth: 20, showHidden: true }),
    JSON.stringify(value) ?? "",
  ];
  if (value instanceof Error) out.push(value.message, value.stack ?? "");
  return out;
}

function secretsIn(texts: string[], secrets: string[]): string[] {
  const hits: string[] = [];
  for (const text of texts) for (const secret of secrets) if (text.includes(secret)) hits.push(secret);
  return hits;
}

describe("no secret in errors or util.inspect (leak scan)", () => {
  const errors: [string, unknown][] = [];
  const objects: [string, unknown][] = [];
  let proof = "";

  beforeAll(async () => {
    // bearer
    const bearerStrategy = bearer(BEARER_TOKEN, { provider: "koyeb" });
    objects.push(["bearer strategy", bearerStrategy]);
    errors.push([
      "bearer CR/LF",
      await caught(() => client(bearer(`${BEARER_TOKEN}\r\nX: 1`), () => json(200, {})).GET("/me")),
    ]);
    errors.push([
      "bearer missing",
      await caught(() =>
        client(
          bearer(() => undefined),
          () => json(200, {}),
        ).GET("/me"),
      ),
    ]);

    // apiKeys
    const keys = apiKeys({
      provider: "voximplant",
      in: "query",
      keys: { account_name: "acme", api_key: API_KEY, session_id: SESSION_ID },
    });
    objects.push(["apiKeys strategy", keys]);
    errors.push([
      "apiKeys control character",
      await caught(() =>
        client(apiKeys({ provider: "voximplant", in: "header", keys: { "X-Key": `${API_KEY}\n` } }), () =>
          json(200, {}),
        ).GET("/me"),
      ),
    ]);

    // cookieSession: a stored session, a foreign-domain cookie, an undecodable XSRF cookie
    const session = cookieSession({ provider: "cloudendure", xsrf: { cookie: "XSRF-TOKEN", header: "X-XSRF-TOKEN" } });
    await client(
      session,
      () => new Response("{}", { headers: { "set-cookie": `session=${SESSION_COOKIE}; Path=/` } }),
    ).POST("/login");
    objects.push(["cookieSession strategy with a session", session]);
    errors.push([
      "cookie for another domain",
      await caught(() =>
        client(
          cookieSession({ provider: "cloudendure" }),
          () => new Response("{}", { headers: { "set-cookie": `session=${SESSION_COOKIE}; Domain=evil.test` } }),
        ).POST("/login"),
      ),
    ]);
    const xsrfSession = cookieSession({
      provider: "cloudendure",
      xsrf: { cookie: "XSRF-TOKEN", header: "X-XSRF-TOKEN" },
    });
    const xsrfClient = client(
      xsrfSession,
      () => new Response("{}", { headers: { "set-cookie": `XSRF-TOKEN=${XSRF}%E0%A4%A; Path=/` } }),
    );
    await xsrfClient.POST("/login");
    errors.push(["undecodable XSRF cookie", await caught(() => xsrfClient.GET("/me"))]);

    // refreshingToken: after set() and a refresh; refresh with a bad token; 401 on the retry; alg none
    const refreshing = refreshingToken({
      provider: "polario",
      refresh: async () => ({ token: NEW_TOKEN, refreshToken: REFRESH_TOKEN }),
    });
    refreshing.set(BEARER_TOKEN, 0, REFRESH_TOKEN);
    objects.push(["refreshingToken after set()", refreshing]);
    await client(refreshing, () => json(200, {})).GET("/me");
    objects.push(["refreshingToken after a refresh", refreshing]);
    errors.push([
      "refresh returned a token with CR/LF",
      await caught(() =>
        client(refreshingToken({ provider: "polario", refresh: async () => ({ token: `${NEW_TOKEN}\r\n` }) }), () =>
          json(200, {}),
        ).GET("/me"),
      ),
    ]);
    errors.push([
      "401 on the retry",
      await caught(() =>
        client(
          refreshingToken({
            provider: "polario",
            token: BEARER_TOKEN,
            refreshToken: REFRESH_TOKEN,
            refresh: async () => ({ token: NEW_TOKEN }),
          }),
          (_req, seen) =>
            json(
              401,
              { error: "expired", token: seen.headers.get("authorization")?.slice(7) },
              {
                "set-cookie": `session=${SESSION_COOKIE}`,
                "www-authenticate": 'Bearer error="invalid_token"',
              },
            ),
          `https://api.example.test/?access_token=${NEW_TOKEN}`,
        ).GET("/me"),
      ),
    ]);
    errors.push([
      "refresh returned an alg none JWT",
      await caught(() =>
        client(refreshingToken({ provider: "polario", refresh: async () => ({ token: JWT_NONE }) }), () =>
          json(200, {}),
        ).GET("/me"),
      ),
    ]);

    // jwt
    errors.push(["jwt alg none", await caught(() => readJwtExpiry(JWT_NONE))]);
    errors.push(["jwt bad exp", await caught(() => readJwtExpiry(JWT_BAD_EXP))]);

    // SCRAM: a wrong server signature, a bad server-first, a prohibited password character
    const scram = createScramClient({
      username: "user",
      password: PASSWORD,
      hash: "SHA-256",
      nonce: "rOprNGfwEbeRWgbNEkqO",
    });
    await scram.clientFirst();
    const clientFinal = await scram.clientFinal("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    proof = clientFinal.slice(clientFinal.indexOf(",p=") + 3);
    objects.push(["scram client mid-exchange", scram]);
    errors.push([
      "scram wrong signature",
      await caught(() => scram.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")),
    ]);
    const scram2 = createScramClient({ username: "user", password: PASSWORD, hash: "SHA-1" });
    await scram2.clientFirst();
    errors.push(["scram bad server-first", await caught(() => scram2.clientFinal(`e=${PASSWORD}`))]);
    errors.push([
      "scram SASLprep",
      await caught(() =>
        createScramClient({ username: "u", password: `${PASSWORD}\u0007`, hash: "SHA-256" }).clientFirst(),
      ),
    ]);

    // errors.ts: an ApiError built from a response that carries credentials
    errors.push([
      "ApiError with credentials in headers, URL and body",
      ApiError.from({
        provider: "voximplant",
        status: 401,
        body: { error: "bad key", api_key: API_KEY, nested: { password: PASSWORD } },
        headers: new Headers({ authorization: `Bearer ${BEARER_TOKEN}`, "set-cookie": `s=${SESSION_COOKIE}` }),
        method: "POST",
        url: `https://api.voximplant.test/Logon?account_name=acme&api_key=${API_KEY}&session_id=${SESSION_ID}`,
      }),
    ]);
    objects.push(["Secret", new Secret(PASSWORD)]);
  });

  const allSecrets = () => [
    BEARER_TOKEN,
    API_KEY,
    SESSION_COOKIE,
    XSRF,
    REFRESH_TOKEN,
    NEW_TOKEN,
    PASSWORD,
    SESSION_ID,
    JWT_NONE,
    JWT_BAD_EXP,
    ...JWT_NONE.split(".").slice(0, 2),
    ...JWT_BAD_EXP.split(".").slice(0, 2),
    "lk-jwt-subject",
    proof,
  ];

  it("the scanner finds a secret when there is one (control)", () => {
    expect(secretsIn(renderings({ token: NEW_TOKEN }), allSecrets())).toContain(NEW_TOKEN);
    expect(proof.length).toBeGreaterThan(20);
  });

  it("every error thrown above is one of ours and mentions no secret: 0 hits", () => {
    expect(errors.length).toBeGreaterThanOrEqual(14);
    const report: string[] = [];
    for (const [label, error] of errors) {
      expect(error).toBeInstanceOf(Error);
      for (const hit of secretsIn(renderings(error), allSecrets())) report.push(`${label}: ${hit}`);
    }
    expect(report).toEqual([]);
  });

  it("strategy objects show no secret in util.inspect or JSON.stringify: 0 hits", () => {
    const report: string[] = [];
    for (const [label, object] of objects) {
      for (const hit of secretsIn(renderings(object), allSecrets())) report.push(`${label}: ${hit}`);
    }
    expect(report).toEqual([]);
  });
});
