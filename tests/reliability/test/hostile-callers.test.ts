/**
 * Callers that get it wrong: missing credentials, JavaScript callers passing the wrong types, header injection
 * (CR/LF in a credential or a header parameter), a baseUrl that is not http(s). Each must be a clear, typed error
 * raised before any request: the fault server must see zero hits. Nothing the caller passed in may leak.
 */
import { createCloudEndureClient } from "@sessionkit/cloudendure";
import { createEquisoftClient } from "@sessionkit/equisoft";
import { createKoyebClient } from "@sessionkit/koyeb";
import { createPolarioClient } from "@sessionkit/polario";
import { createVoximplantClient } from "@sessionkit/voximplant";
import { type FaultServer, startFaultServer } from "../support/fault-server";
import { SURFACES_PER_ERROR, leakLedger } from "../support/ledger";
import { captureLogs, checksFor } from "../support/leaks";
import { ADAPTERS } from "../support/providers";
import { EQUISOFT_UUID } from "../support/providers/equisoft";
import { unhandledSoFar } from "../support/unhandled";

const INJECTED = "tok-7c1e9a\r\nX-Injected: 1";
const NON_LATIN1 = "tok-\u2603-snowman-9f8e";

interface Case {
  provider: string;
  name: string;
  /** Builds a client and makes the mistaken call; returns the client (if one was built) for the leak search. */
  run(server: FaultServer, holder: { client?: unknown }): Promise<unknown>;
  error: string;
  message: RegExp;
  /** Values the caller passed that must not be echoed (on top of the provider's secrets). */
  secrets?: Record<string, string>;
}

const base = (server: FaultServer, path = "") => ({
  baseUrl: `${server.url}${path}`,
  retry: false as const,
  timeoutMs: 500,
});
// JavaScript callers are not held to the types: these casts are the point of the tests.
const loose = <T>(value: unknown) => value as T;

const koyeb = (server: FaultServer, holder: { client?: unknown }, extra: object = {}) =>
  (holder.client = createKoyebClient({ ...base(server), ...extra }));
const polario = (server: FaultServer, holder: { client?: unknown }, extra: object = {}) =>
  (holder.client = createPolarioClient({ ...base(server, "/api"), ...extra }));
const vox = (server: FaultServer, holder: { client?: unknown }, extra: object = {}) =>
  (holder.client = createVoximplantClient({
    ...base(server, "/platform_api"),
    accountName: "myaccount",
    apiKey: "vox-key-1234567890",
    ...extra,
  }));
const ce = (server: FaultServer, holder: { client?: unknown }, extra: object = {}) =>
  (holder.client = createCloudEndureClient({ ...base(server, "/api/latest"), ...extra }));
const eqs = (server: FaultServer, holder: { client?: unknown }, extra: object = {}) =>
  (holder.client = createEquisoftClient({ ...base(server), ...extra }));

type Factory = (server: FaultServer, holder: { client?: unknown }, extra?: object) => unknown;
const FACTORIES: Record<string, Factory> = { koyeb, polario, voximplant: vox, cloudendure: ce, equisoft: eqs };

/** The baseUrl mistakes, for every provider. */
const baseUrlCases: Case[] = Object.entries(FACTORIES).flatMap(([provider, make]) => [
  ...["ftp://127.0.0.1/api", "file:///etc/passwd", "javascript:alert(1)", "ws://127.0.0.1:1"].map(
    (baseUrl): Case => ({
      provider,
      name: `baseUrl ${baseUrl}`,
      run: async (server, holder) => make(server, holder, { baseUrl }),
      error: "ConfigurationError",
      message: /baseUrl must be http\(s\)/,
    }),
  ),
  {
    provider,
    name: "baseUrl that is not a URL (and hides a password)",
    run: async (server, holder) => make(server, holder, { baseUrl: "https://ada:hunter2-baseurl-secret@exa mple.com" }),
    error: "ConfigurationError",
    message: /baseUrl is not a URL/,
    secrets: { password: "hunter2-baseurl-secret" },
  },
  {
    provider,
    name: "baseUrl with credentials in it",
    run: async (server, holder) => make(server, holder, { baseUrl: "https://ada:hunter2-userinfo-secret@127.0.0.1:1" }),
    error: "ConfigurationError",
    message: /must not carry credentials/,
    secrets: { password: "hunter2-userinfo-secret" },
  },
  {
    provider,
    name: "baseUrl is a number (JavaScript caller)",
    run: async (server, holder) => make(server, holder, { baseUrl: 42 }),
    error: "ConfigurationError",
    // Equisoft has no default host, so it reports the baseUrl as missing rather than malformed.
    message: /baseUrl (is not a URL|is required)/,
  },
  {
    provider,
    name: "CR/LF in a header of options.headers",
    run: async (server, holder) => make(server, holder, { headers: { "X-Trace": INJECTED } }),
    error: "ConfigurationError",
    message: /header "X-Trace" contains a control character/,
    secrets: { injected: INJECTED },
  },
  {
    provider,
    name: "an invalid header name in options.headers",
    run: async (server, holder) => make(server, holder, { headers: { "X-Bad Name:": "v" } }),
    error: "ConfigurationError",
    message: /is not a valid header name/,
  },
]);

const providerCases: Case[] = [
  // koyeb
  {
    provider: "koyeb",
    name: "an authenticated call before login",
    run: async (server, holder) => koyeb(server, holder).newSession(),
    error: "MissingCredentialsError",
    message: /missing credentials: token/,
  },
  {
    provider: "koyeb",
    name: "login with empty credentials",
    run: async (server, holder) => koyeb(server, holder).login({ email: "", password: " " }),
    error: "MissingCredentialsError",
    message: /missing credentials: email, password/,
  },
  {
    provider: "koyeb",
    name: "login with a null body",
    run: async (server, holder) => koyeb(server, holder).login(loose(null)),
    error: "MissingCredentialsError",
    message: /missing credentials: email, password/,
  },
  {
    provider: "koyeb",
    name: "login with a number and an object where strings are expected",
    run: async (server, holder) =>
      koyeb(server, holder).login(loose({ email: 42, password: { secret: "koyeb-obj-password" } })),
    error: "TypeError",
    message: /email must be a string, got number/,
    secrets: { password: "koyeb-obj-password" },
  },
  {
    provider: "koyeb",
    name: "CR/LF in the token (header injection)",
    run: async (server, holder) => koyeb(server, holder, { token: INJECTED }),
    error: "ConfigurationError",
    message: /token .*cannot be sent in a header/,
    secrets: { injected: INJECTED },
  },
  {
    provider: "koyeb",
    name: "a token with characters no header can carry",
    run: async (server, holder) => koyeb(server, holder, { token: NON_LATIN1 }),
    error: "ConfigurationError",
    message: /token .*cannot be sent in a header/,
    secrets: { token: NON_LATIN1 },
  },
  {
    provider: "koyeb",
    name: "CR/LF in the seon-fp header parameter",
    run: async (server, holder) =>
      koyeb(server, holder).login({ email: "ada@example.com", password: "koyeb-pw-12345678" }, { seonFp: INJECTED }),
    error: "ConfigurationError",
    message: /header "seon-fp" contains a control character/,
    secrets: { injected: INJECTED, password: "koyeb-pw-12345678" },
  },
  // polario
  {
    provider: "polario",
    name: "logout before login",
    run: async (server, holder) => polario(server, holder).authLogoutGet(),
    error: "MissingCredentialsError",
    message: /missing credentials: token/,
  },
  {
    provider: "polario",
    name: "refresh without a refresh token",
    run: async (server, holder) => polario(server, holder).authSessionPost(),
    error: "MissingCredentialsError",
    message: /missing credentials: refreshToken/,
  },
  {
    provider: "polario",
    name: "login with a null body",
    run: async (server, holder) => polario(server, holder).login(loose(null)),
    error: "MissingCredentialsError",
    message: /missing credentials: email, password/,
  },
  {
    provider: "polario",
    name: "login with an array and a number where strings are expected",
    run: async (server, holder) =>
      polario(server, holder).login(loose({ email: ["ada@example.com"], password: 12345678 })),
    error: "TypeError",
    message: /email must be a string, got an array/,
  },
  {
    provider: "polario",
    name: "CR/LF in the JWT (header injection)",
    run: async (server, holder) => polario(server, holder, { token: INJECTED }),
    error: "ConfigurationError",
    message: /token .*cannot be sent in a header/,
    secrets: { injected: INJECTED },
  },
  {
    provider: "polario",
    name: "CR/LF in the Platform header parameter",
    run: async (server, holder) =>
      polario(server, holder).login({ email: "ada@example.com", password: "polario-pw-1234" }, { platform: INJECTED }),
    error: "ConfigurationError",
    message: /header "Platform" contains a control character/,
    secrets: { injected: INJECTED, password: "polario-pw-1234" },
  },
  // voximplant
  {
    provider: "voximplant",
    name: "Logon without account name and api key",
    run: async (server, holder) => vox(server, holder, { accountName: undefined, apiKey: undefined }).logon(),
    error: "MissingCredentialsError",
    message: /missing credentials: accountName, apiKey/,
  },
  {
    provider: "voximplant",
    name: "Logon with an object as the api key",
    run: async (server, holder) => vox(server, holder, { apiKey: loose({ key: "vox-object-key-123" }) }).logon(),
    error: "TypeError",
    message: /apiKey must be a string, got object/,
    secrets: { apiKey: "vox-object-key-123" },
  },
  {
    provider: "voximplant",
    name: "Logon with a number as the account name",
    run: async (server, holder) => vox(server, holder, { accountName: loose(1234567) }).logon(),
    error: "TypeError",
    message: /accountName must be a string, got number/,
  },
  {
    provider: "voximplant",
    name: "CR/LF in the api key",
    run: async (server, holder) => vox(server, holder, { apiKey: INJECTED }).logon(),
    error: "ConfigurationError",
    message: /"api_key" key contains a control character/,
    secrets: { injected: INJECTED },
  },
  {
    provider: "voximplant",
    name: "an api key read from a store that returns nothing",
    run: async (server, holder) => vox(server, holder, { apiKey: () => undefined }).logon(),
    error: "MissingCredentialsError",
    message: /missing credentials: api_key/,
  },
  // cloudendure
  {
    provider: "cloudendure",
    name: "logout before login",
    run: async (server, holder) => ce(server, holder).logoutPost(),
    error: "MissingCredentialsError",
    message: /missing credentials: session cookie/,
  },
  {
    provider: "cloudendure",
    name: "login with nothing to log in with",
    run: async (server, holder) => ce(server, holder).loginPost({}),
    error: "MissingCredentialsError",
    message: /missing credentials: username, password/,
  },
  {
    provider: "cloudendure",
    name: "login with a null body",
    run: async (server, holder) => ce(server, holder).loginPost(loose(null)),
    error: "MissingCredentialsError",
    message: /missing credentials: username, password/,
  },
  {
    provider: "cloudendure",
    name: "login with numbers where strings are expected",
    run: async (server, holder) => ce(server, holder).loginPost(loose({ username: 7, password: 8 })),
    error: "TypeError",
    message: /username must be a string, got number/,
  },
  // equisoft
  {
    provider: "equisoft",
    name: "no baseUrl (the service has no public host)",
    run: async (_server, holder) => (holder.client = createEquisoftClient(loose({}))),
    error: "ConfigurationError",
    message: /baseUrl is required/,
  },
  {
    provider: "equisoft",
    name: "a missing path parameter",
    run: async (server, holder) => eqs(server, holder).getSession(loose({ params: { path: {} } })),
    error: "ConfigurationError",
    message: /path parameter "uuid" is required/,
  },
  {
    provider: "equisoft",
    name: "an object as a path parameter",
    run: async (server, holder) => eqs(server, holder).getSession(loose({ params: { path: { uuid: { id: 1 } } } })),
    error: "ConfigurationError",
    message: /path parameter "uuid" is required/,
  },
  ...[".", ".."].map(
    (uuid): Case => ({
      provider: "equisoft",
      name: `a path parameter of "${uuid}" (would climb out of /sessions/)`,
      run: async (server, holder) => eqs(server, holder).getSession({ params: { path: { uuid } } }),
      error: "ConfigurationError",
      message: /path parameter "uuid" cannot be/,
    }),
  ),
  {
    provider: "equisoft",
    name: "a null JSON body",
    run: async (server, holder) => eqs(server, holder).createSession(loose({ body: null })),
    error: "TypeError",
    message: /createSession: the body must be JSON-serialisable \(not null\), got null/,
  },
  {
    provider: "equisoft",
    name: "a number as the text/plain SSO token",
    run: async (server, holder) =>
      eqs(server, holder).setSessionSsoToken(
        loose({ params: { path: { uuid: EQUISOFT_UUID, tokenId: "sso-1" } }, body: 42 }),
      ),
    error: "MissingCredentialsError",
    message: /missing credentials: body/,
  },
  {
    provider: "equisoft",
    name: "CR/LF in a per-call header",
    run: async (server, holder) =>
      eqs(server, holder).getSession({
        params: { path: { uuid: EQUISOFT_UUID } },
        headers: { "X-Gateway-Key": INJECTED },
      }),
    error: "ConfigurationError",
    message: /header "X-Gateway-Key" contains a control character/,
    secrets: { injected: INJECTED },
  },
];

const CASES = [...baseUrlCases, ...providerCases];
const secretsOf = (c: Case) => ({ ...ADAPTERS.find((a) => a.name === c.provider)!.secrets, ...c.secrets });
const EXPECTED_CHECKS = CASES.reduce((n, c) => n + checksFor(secretsOf(c), SURFACES_PER_ERROR), 0);
const ledger = leakLedger();

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer(Object.assign({}, ...ADAPTERS.map((a) => a.routes())));
});
afterAll(() => server.close());
afterEach(() => server.reset());

test.each(CASES.map((c) => [`${c.provider}: ${c.name}`, c] as const))(
  "%s → clear error, zero requests",
  async (_title, c) => {
    const logs = captureLogs();
    const holder: { client?: unknown } = {};
    try {
      const error = await c.run(server, holder).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      expect(error).toMatchObject({ name: c.error });
      expect((error as Error).message).toMatch(c.message);
      // The message names the provider, so that an app with several clients knows which one complained.
      expect((error as Error).message).toContain(`@sessionkit/${c.provider}`);
      expect(server.hits).toEqual([]);
      ledger.check(error, holder.client, logs.lines, secretsOf(c));
    } finally {
      logs.restore();
    }
  },
);

test(`caller mistakes: 0 leaks in ${EXPECTED_CHECKS} checks (${CASES.length} cases), no unhandled rejection`, () => {
  expect(ledger.state.checks).toBe(EXPECTED_CHECKS);
  expect(ledger.state.leaks).toEqual([]);
  expect(unhandledSoFar()).toEqual([]);
});
