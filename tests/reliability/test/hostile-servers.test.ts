/**
 * Servers that try something: SCRAM downgrades and forged signatures (Polario), unsigned or garbled JWTs on the
 * login and refresh paths (Koyeb, Polario), cookies for another domain (CloudEndure), logins that hand out no
 * session, impossible statuses. Each must be a typed error; a forged credential must never be used; the session
 * the client had before must still be the one it sends.
 */
import { type FaultServer, type Reply, startFaultServer } from "../support/fault-server";
import { replyWith } from "../support/faults";
import { epoch, signedJwt, unsignedJwt } from "../support/jwt";
import { SURFACES_PER_ERROR, leakLedger } from "../support/ledger";
import { captureLogs, checksFor } from "../support/leaks";
import type { ProviderAdapter } from "../support/providers/adapter";
import { cloudendure, cloudendureSecrets } from "../support/providers/cloudendure";
import { equisoft } from "../support/providers/equisoft";
import { koyeb } from "../support/providers/koyeb";
import { POLARIO_CLIENT_NONCE, polario, polarioScram, polarioSecrets } from "../support/providers/polario";
import { voximplant, voximplantSecrets } from "../support/providers/voximplant";
import { unhandledSoFar } from "../support/unhandled";

type Client = any;

interface Case {
  adapter: ProviderAdapter;
  name: string;
  /** Log in normally first, so that there is a session whose survival can be checked. Default true. */
  loginFirst?: boolean;
  /** Extra client options (e.g. a near-expiry token to force the refresh path). */
  options?: () => Record<string, unknown>;
  arrange(server: FaultServer): void;
  act(client: Client): Promise<unknown>;
  error: string;
  message: RegExp;
  /** Routes that must not have been hit by `act` (e.g. no proof sent after a downgrade, no forged token used). */
  untouched?: string[];
  /** What the session must look like afterwards; default: the normal call carries the credential from before. */
  after?(client: Client, server: FaultServer): Promise<void>;
  /** Extra secrets to search for (forged tokens, proofs of this exchange). */
  secrets?: Record<string, string>;
}

const P = "/api";
const scramFirst =
  (override: Partial<{ nonce: string; salt: string; iterationCount: number }>) => (server: FaultServer) =>
    server.inject(
      `POST ${P}/auth/auth`,
      replyWith({
        status: 200,
        body: { ...polarioScram.first(POLARIO_CLIENT_NONCE), expires: epoch(60), ...override },
      }),
    );
/** The normal login answer with some part replaced. */
const polarioLoginReply = (change: (reply: Reply) => Reply) => (server: FaultServer) =>
  server.inject(`POST ${P}/auth/login`, async (x) => replyWith(change(await x.normal()))(x));
const polarioLogin = (client: Client) => polario.login!.run(client);
const withSession =
  (jwt: string) =>
  (reply: Reply): Reply => ({ ...reply, headers: { Session: jwt } });
/** A JWT about to expire: the next authenticated call refreshes it first. */
const expiring = signedJwt({ sub: "user-1", exp: epoch(5) });

const UNSIGNED = unsignedJwt({ sub: "user-1", exp: epoch(3600) });
const GARBAGE_EXP = signedJwt({ sub: "user-1", exp: "tomorrow" });
const MS_EXP = signedJwt({ sub: "user-1", exp: Date.now() + 3_600_000 });
const JWT_CASES = [
  ["an unsigned JWT (alg none)", UNSIGNED, /unsigned token \(alg "none"\) refused/],
  ["a JWT whose exp is not a number", GARBAGE_EXP, /exp claim is not a number/],
  ["a JWT whose exp is in milliseconds", MS_EXP, /exp claim is out of range/],
] as const;

const polarioCases: Case[] = [
  {
    adapter: polario,
    name: "SCRAM downgrade: iteration count 1",
    arrange: scramFirst({ iterationCount: 1 }),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /iteration count below the minimum of 4096 \(downgrade refused\)/,
    untouched: [`POST ${P}/auth/login`],
  },
  {
    adapter: polario,
    name: "SCRAM downgrade: iteration count 4095",
    arrange: scramFirst({ iterationCount: 4095 }),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /downgrade refused/,
    untouched: [`POST ${P}/auth/login`],
  },
  {
    adapter: polario,
    name: "SCRAM: a server nonce that does not extend ours",
    arrange: scramFirst({ nonce: "attacker-chosen-nonce-0123456789" }),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /server nonce must extend the client nonce/,
    untouched: [`POST ${P}/auth/login`],
  },
  {
    adapter: polario,
    name: "SCRAM: a server nonce equal to ours (no server part)",
    arrange: scramFirst({ nonce: POLARIO_CLIENT_NONCE }),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /server nonce must extend the client nonce/,
    untouched: [`POST ${P}/auth/login`],
  },
  {
    adapter: polario,
    name: "SCRAM: a nonce smuggling extra attributes",
    arrange: scramFirst({ nonce: `${POLARIO_CLIENT_NONCE}xyz,i=1` }),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /scram/,
    untouched: [`POST ${P}/auth/login`],
  },
  {
    adapter: polario,
    name: "SCRAM: a salt that is not base64",
    arrange: scramFirst({ salt: "not base64!" }),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /salt is not base64/,
    untouched: [`POST ${P}/auth/login`],
  },
  {
    adapter: polario,
    name: "SCRAM: an iteration count meant to burn CPU",
    arrange: scramFirst({ iterationCount: 2_000_000_000 }),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /iteration count above the maximum/,
    untouched: [`POST ${P}/auth/login`],
  },
  {
    adapter: polario,
    name: "SCRAM: a wrong server signature (the server does not know the password)",
    arrange: polarioLoginReply((r) => ({
      ...r,
      body: { ...(r.body as object), signature: polarioScram.wrongSignature() },
    })),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /server signature does not match/,
    secrets: { proof: polarioSecrets.scramProof },
  },
  {
    adapter: polario,
    name: "SCRAM: no server signature at all",
    arrange: polarioLoginReply((r) => ({ ...r, body: { ...(r.body as object), signature: "" } })),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /server signature is not base64/,
  },
  {
    adapter: polario,
    name: "login: no JWT in the Session header",
    arrange: polarioLoginReply((r) => ({ ...r, headers: {} })),
    act: polarioLogin,
    error: "AuthProtocolError",
    message: /carried no JWT in its Session header/,
  },
  ...JWT_CASES.map(
    ([what, jwt, message]): Case => ({
      adapter: polario,
      name: `login: ${what} in the Session header`,
      arrange: polarioLoginReply(withSession(jwt)),
      act: polarioLogin,
      error: "AuthProtocolError",
      message,
      secrets: { forged: jwt },
    }),
  ),
  ...JWT_CASES.map(
    ([what, jwt, message]): Case => ({
      adapter: polario,
      name: `refresh path: ${what} from POST /auth/session is never sent`,
      loginFirst: false,
      options: () => ({ token: expiring, refreshToken: polarioSecrets.refreshToken }),
      arrange: (server) =>
        server.inject(`POST ${P}/auth/session`, async (x) => replyWith(withSession(jwt)(await x.normal()))(x)),
      act: (client) => polario.idempotent!.run(client),
      error: "AuthProtocolError",
      message,
      untouched: [`GET ${P}/auth/logout`],
      after: async (client, server) => {
        // The next call refreshes again (the forged token was not installed) and gets through with a good JWT.
        await polario.idempotent!.run(client);
        expect(server.hitsTo(`GET ${P}/auth/logout`).at(-1)!.headers.session).toBe(polarioSecrets.refreshedJwt);
      },
      secrets: { forged: jwt, expiring },
    }),
  ),
  {
    adapter: polario,
    name: "refresh path: an invalid refresh token (416) is RefreshTokenInvalidError",
    loginFirst: false,
    options: () => ({ token: expiring, refreshToken: "rt_revoked_0000000000" }),
    arrange: () => undefined,
    act: (client) => polario.idempotent!.run(client),
    error: "RefreshTokenInvalidError",
    message: /416 invalid refresh token/,
    untouched: [`GET ${P}/auth/logout`],
    after: async () => undefined,
    secrets: { refreshToken: "rt_revoked_0000000000", expiring },
  },
];

const koyebCases: Case[] = [
  ...JWT_CASES.map(
    ([what, jwt, message]): Case => ({
      adapter: koyeb,
      name: `login: ${what} as the token`,
      arrange: (server) =>
        server.inject(
          "POST /v1/account/login",
          replyWith({ status: 200, body: { token: { id: jwt, expires_at: "2099-01-01T00:00:00Z" } } }),
        ),
      act: (client) => koyeb.login!.run(client),
      error: "AuthProtocolError",
      message,
      secrets: { forged: jwt },
    }),
  ),
  ...JWT_CASES.map(
    ([what, jwt, message]): Case => ({
      adapter: koyeb,
      name: `refresh path: ${what} from PUT /refresh is never sent`,
      loginFirst: false,
      options: () => ({ token: expiring }),
      arrange: (server) =>
        server.inject("PUT /v1/account/refresh", replyWith({ status: 200, body: { token: { id: jwt } } })),
      act: (client) => koyeb.idempotent!.run(client),
      error: "AuthProtocolError",
      message,
      untouched: ["DELETE /v1/account/logout"],
      after: async (client, server) => {
        // Still the expiring token: the next call tries the refresh again rather than using the forged one.
        await koyeb.idempotent!.run(client).catch(() => undefined);
        const sent = server.hitsTo("PUT /v1/account/refresh").at(-1)!.headers.authorization;
        expect(sent).toBe(`Bearer ${expiring}`);
      },
      secrets: { forged: jwt, expiring },
    }),
  ),
  {
    adapter: koyeb,
    name: "login: a reply without a token",
    arrange: (server) => server.inject("POST /v1/account/login", replyWith({ status: 200, body: { token: {} } })),
    act: (client) => koyeb.login!.run(client),
    error: "AuthProtocolError",
    message: /the reply carried no token/,
  },
];

const ceLogin = (client: Client) => cloudendure.login!.run(client);
const ceCookies = (cookies: string[]) => (server: FaultServer) =>
  server.inject(`POST /api/latest/login`, async (x) =>
    replyWith({ ...(await x.normal()), headers: { "Set-Cookie": cookies } })(x),
  );
const cloudendureCases: Case[] = [
  {
    adapter: cloudendure,
    name: "login sets the session cookie for another domain",
    arrange: ceCookies([`session=evil_${cloudendureSecrets.sessionCookie}; Domain=evil.example; Path=/`]),
    act: ceLogin,
    error: "AuthProtocolError",
    message: /server set cookie "session" for a domain other than the one that sent it/,
    secrets: { forged: `evil_${cloudendureSecrets.sessionCookie}` },
  },
  {
    adapter: cloudendure,
    name: "login sets a good session cookie but the XSRF token for another domain (nothing is half-stored)",
    arrange: ceCookies([
      "session=ce_session_replacement_1234567890; Path=/",
      `XSRF-TOKEN=${cloudendureSecrets.xsrfToken}-evil; Domain=evil.example; Path=/`,
    ]),
    act: ceLogin,
    error: "AuthProtocolError",
    message: /cookie "XSRF-TOKEN" for a domain other than/,
    secrets: { replacement: "ce_session_replacement_1234567890" },
  },
  {
    adapter: cloudendure,
    name: "login answers 200 but sets no session cookie",
    loginFirst: false,
    arrange: ceCookies([]),
    act: ceLogin,
    error: "AuthProtocolError",
    message: /set no session cookie/,
    after: async (client) => {
      await expect(client.logoutPost()).rejects.toMatchObject({ name: "MissingCredentialsError" });
    },
  },
  {
    adapter: cloudendure,
    name: "an XSRF-TOKEN cookie that is not valid percent-encoding",
    loginFirst: false,
    arrange: ceCookies([`session=${cloudendureSecrets.sessionCookie}; Path=/`, "XSRF-TOKEN=%E0%A4%A; Path=/"]),
    act: async (client) => {
      await ceLogin(client);
      return cloudendure.nonIdempotent.run(client);
    },
    error: "AuthProtocolError",
    message: /XSRF-TOKEN cookie is not valid percent-encoding/,
    untouched: ["POST /api/latest/logout"],
    after: async () => undefined,
  },
  {
    adapter: cloudendure,
    name: "a 307 to a file: URL",
    arrange: (server) =>
      server.inject(`POST /api/latest/login`, replyWith({ status: 307, headers: { Location: "file:///etc/passwd" } })),
    act: ceLogin,
    error: "ConfigurationError",
    message: /non-http\(s\) location was refused/,
  },
];

const voximplantCases: Case[] = [
  {
    adapter: voximplant,
    name: "HTTP 200 carrying an error is a VoximplantError, not data",
    arrange: (server) =>
      server.inject(
        `POST /platform_api/Logout`,
        replyWith({ status: 200, body: { error: { code: 161, msg: "The 'session_id' parameter is invalid" } } }),
      ),
    act: (client) => voximplant.nonIdempotent.run(client),
    error: "VoximplantError",
    message: /error 161: The 'session_id' parameter is invalid/,
  },
  {
    adapter: voximplant,
    name: "Logon answers without a session ID",
    loginFirst: false,
    arrange: (server) =>
      server.inject(
        `POST /platform_api/Logon`,
        replyWith({ status: 200, body: { api_key: voximplantSecrets.apiKey } }),
      ),
    act: (client) => voximplant.login!.run(client),
    error: "AuthProtocolError",
    message: /the Logon reply carried no session ID/,
    after: async (client, server) => {
      // No session was made up: the next call still proves itself with the api key.
      await voximplant.nonIdempotent.run(client);
      expect(server.hitsTo("POST /platform_api/Logout").at(-1)!.url).toContain("api_key=");
    },
  },
];

const everyone = [cloudendure, equisoft, koyeb, polario, voximplant];
const statusCases: Case[] = everyone.map((adapter) => ({
  adapter,
  name: "a status outside HTTP's range (999)",
  arrange: (server: FaultServer) =>
    server.inject((adapter.idempotent ?? adapter.nonIdempotent).route, replyWith({ status: 999, body: {} })),
  act: (client: Client) => (adapter.idempotent ?? adapter.nonIdempotent).run(client),
  error: "ApiResponseError",
  message: /status 999 is outside HTTP's range/,
}));

const CASES = [...polarioCases, ...koyebCases, ...cloudendureCases, ...voximplantCases, ...statusCases];
const secretsOf = (c: Case) => ({ ...c.adapter.secrets, ...c.secrets });
const EXPECTED_CHECKS = CASES.reduce((n, c) => n + checksFor(secretsOf(c), SURFACES_PER_ERROR), 0);
const ledger = leakLedger();

const servers = new Map<string, FaultServer>();
beforeAll(async () => {
  for (const adapter of everyone) servers.set(adapter.name, await startFaultServer(adapter.routes()));
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
});

test.each(CASES.map((c) => [`${c.adapter.name}: ${c.name}`, c] as const))("%s", async (_title, c) => {
  const server = servers.get(c.adapter.name)!;
  server.reset();
  const logs = captureLogs();
  try {
    const client = c.adapter.create(server, { ...c.options?.(), logger: logs.logger });
    const follow = c.adapter.idempotent ?? c.adapter.nonIdempotent;
    let credential: string | undefined;
    if (c.loginFirst ?? true) {
      await c.adapter.login?.run(client);
      await follow.run(client);
      credential = c.adapter.credential(server.hitsTo(follow.route).at(-1)!);
    }
    server.reset();
    c.arrange(server);

    const error = await c.act(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: c.error });
    expect((error as Error).message).toMatch(c.message);
    for (const route of c.untouched ?? []) expect(server.hitsTo(route)).toEqual([]);
    ledger.check(error, client, logs.lines, secretsOf(c));

    server.clearFaults();
    server.reset();
    if (c.after) await c.after(client, server);
    else if (credential !== undefined) {
      await follow.run(client);
      expect(c.adapter.credential(server.hitsTo(follow.route).at(-1)!)).toBe(credential);
    }
  } finally {
    logs.restore();
  }
});

test(`hostile servers: 0 leaks in ${EXPECTED_CHECKS} checks (${CASES.length} cases), no unhandled rejection`, () => {
  expect(ledger.state.checks).toBe(EXPECTED_CHECKS);
  expect(ledger.state.leaks).toEqual([]);
  expect(unhandledSoFar()).toEqual([]);
});
