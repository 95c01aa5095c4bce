/**
 * What a consumer of each provider package writes, keyed by the directory under packages/. Used three ways:
 * type-checked in a fresh project (node16 and bundler resolution), run there (probes, ESM and CJS), and
 * bundled for the size budget. A provider without an entry fails every test that needs one.
 */
export interface ProviderUsage {
  /**
   * A TypeScript module as an application would write it: creates the client with its auth and calls
   * lifecycle operations with typed arguments. Must not use top-level await (it is also compiled as .cts).
   */
  app: string;
  /** The body of a function that must not compile: each misuse sits under a `// @ts-expect-error`. */
  misuse: string;
  /**
   * Calls that must throw `throws` (an export of the package). JavaScript over `sdk` (the package's
   * exports), `noNetwork` (a fetch that fails the check if called) and `answer(status, body)` (a fetch
   * that replies without any network). At least one must throw an ApiError subclass.
   */
  probes: { call: string; throws: string }[];
}

export const PROVIDER_USAGE: Record<string, ProviderUsage> = {
  koyeb: {
    app: `
import { ApiError, createKoyebClient, type LoginReply } from "@sessionkit/koyeb";

export async function signInAndOut(email: string, password: string): Promise<string | undefined> {
  const koyeb = createKoyebClient({ baseUrl: "http://127.0.0.1:4010", onTokenRefreshed: (grant) => void grant.expiresAt });
  try {
    const reply: LoginReply = await koyeb.login({ email, password }, { seonFp: "fingerprint" });
    await koyeb.refreshToken();
    await koyeb.logout();
    return reply.token?.id;
  } catch (error) {
    if (error instanceof ApiError) return \`failed with \${error.status}\`;
    throw error;
  }
}
`,
    misuse: `
  const koyeb = createKoyebClient();
  // @ts-expect-error email must be a string
  void koyeb.login({ email: 42, password: "pw" });
  // @ts-expect-error seonFp is the only header option, and a string
  void koyeb.login({ email: "a@b.c", password: "pw" }, { seonFp: true });
`,
    probes: [
      { call: `sdk.createKoyebClient({ fetch: noNetwork }).refreshToken()`, throws: "MissingCredentialsError" },
      {
        call: `sdk.createKoyebClient({ fetch: noNetwork }).login({ email: "", password: "pw" })`,
        throws: "MissingCredentialsError",
      },
      {
        call: `sdk.createKoyebClient({ fetch: answer(404, { code: "not_found", message: "no session" }), retry: false }).login({ email: "a@b.c", password: "pw" })`,
        throws: "NotFoundError",
      },
    ],
  },
  voximplant: {
    app: `
import { ApiError, VoximplantError, createVoximplantClient, type LogonReply } from "@sessionkit/voximplant";

export async function logonAndOut(accountName: string, readApiKey: () => Promise<string>): Promise<string | undefined> {
  const voximplant = createVoximplantClient({ baseUrl: "http://127.0.0.1:4011", accountName, apiKey: readApiKey });
  try {
    const reply: LogonReply = await voximplant.logon();
    await voximplant.logout();
    return typeof reply.result === "string" ? reply.result : undefined;
  } catch (error) {
    if (error instanceof VoximplantError) return \`voximplant error \${error.code}\`;
    if (error instanceof ApiError) return \`failed with \${error.status}\`;
    throw error;
  }
}
`,
    misuse: `
  // @ts-expect-error accountName is a string
  const voximplant = createVoximplantClient({ accountName: 42, apiKey: "key" });
  // @ts-expect-error logon takes call options; the credentials belong to the client
  void voximplant.logon({ apiKey: "key" });
`,
    probes: [
      { call: `sdk.createVoximplantClient({ fetch: noNetwork }).logon()`, throws: "MissingCredentialsError" },
      {
        call: `sdk.createVoximplantClient({ accountName: "acme", apiKey: "key", fetch: answer(200, { error: { code: 100, msg: "Authorization failed" } }), retry: false }).logon()`,
        throws: "VoximplantError",
      },
    ],
  },
  cloudendure: {
    app: `
import { ApiError, PaymentRequiredError, createCloudEndureClient, type User } from "@sessionkit/cloudendure";

export async function signInAndOut(username: string, password: string): Promise<string | undefined> {
  const cloudendure = createCloudEndureClient({ baseUrl: "http://127.0.0.1:4012" });
  try {
    const user: User = await cloudendure.loginPost({ username, password });
    await cloudendure.logoutPost();
    return user.username;
  } catch (error) {
    if (error instanceof PaymentRequiredError) return "subscription expired";
    if (error instanceof ApiError) return \`failed with \${error.status}\`;
    throw error;
  }
}
`,
    misuse: `
  const cloudendure = createCloudEndureClient();
  // @ts-expect-error username must be a string
  void cloudendure.loginPost({ username: 42, password: "pw" });
  // @ts-expect-error logoutPost takes call options only
  void cloudendure.logoutPost("session");
`,
    probes: [
      { call: `sdk.createCloudEndureClient({ fetch: noNetwork }).logoutPost()`, throws: "MissingCredentialsError" },
      {
        call: `sdk.createCloudEndureClient({ fetch: noNetwork }).loginPost({ username: "", password: "" })`,
        throws: "MissingCredentialsError",
      },
      {
        call: `sdk.createCloudEndureClient({ fetch: answer(402, { message: "license expired" }), retry: false }).loginPost({ username: "u", password: "pw" })`,
        throws: "PaymentRequiredError",
      },
    ],
  },
  polario: {
    app: `
import { ApiError, RefreshTokenInvalidError, createPolarioClient, type PolarioLogin } from "@sessionkit/polario";

export async function signInRefreshAndOut(email: string, password: string): Promise<string> {
  const polario = createPolarioClient({ baseUrl: "http://127.0.0.1:4013", onTokenRefreshed: (grant) => void grant.refreshToken });
  try {
    const login: PolarioLogin = await polario.login({ email, password }, { platform: "Web" });
    await polario.authSessionPost();
    await polario.authLogoutGet();
    return login.token;
  } catch (error) {
    if (error instanceof RefreshTokenInvalidError) return "log in again";
    if (error instanceof ApiError) return \`failed with \${error.status}\`;
    throw error;
  }
}
`,
    misuse: `
  const polario = createPolarioClient();
  // @ts-expect-error password must be a string
  void polario.login({ email: "a@b.c", password: 1234 });
  // @ts-expect-error email is required
  void polario.login({ password: "pw" });
`,
    probes: [
      { call: `sdk.createPolarioClient({ fetch: noNetwork }).authLogoutGet()`, throws: "MissingCredentialsError" },
      {
        call: `sdk.createPolarioClient({ fetch: noNetwork }).login({ email: "a@b.c", password: "" })`,
        throws: "MissingCredentialsError",
      },
      {
        call: `sdk.createPolarioClient({ refreshToken: "stale", fetch: answer(416, {}), retry: false }).authSessionPost()`,
        throws: "RefreshTokenInvalidError",
      },
    ],
  },
  equisoft: {
    app: `
import { ApiError, NotFoundError, createEquisoftClient, type Session } from "@sessionkit/equisoft";

export async function openAndClose(userUuid: string): Promise<Session["state"] | undefined> {
  const equisoft = createEquisoftClient({ baseUrl: "http://127.0.0.1:4014" });
  try {
    const session: Session = await equisoft.createSession({ body: { userUuid, absoluteTimeout: 3600, mobile: false } });
    const uuid = session.sessionId ?? "";
    await equisoft.enableSession({ params: { path: { uuid } } });
    await equisoft.setSessionSsoToken({ params: { path: { uuid, tokenId: "crm" } }, body: "opaque-token" });
    await equisoft.deleteSession({ params: { path: { uuid } } });
    return session.state;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    if (error instanceof ApiError) throw new Error(\`equisoft failed with \${error.status}\`);
    throw error;
  }
}
`,
    misuse: `
  // @ts-expect-error baseUrl is required: the service has no public host
  createEquisoftClient({});
  const equisoft = createEquisoftClient({ baseUrl: "http://127.0.0.1:4014" });
  // @ts-expect-error absoluteTimeout is a number of seconds
  void equisoft.createSession({ body: { absoluteTimeout: "1h" } });
  // @ts-expect-error sessions are addressed by uuid
  void equisoft.getSession({ params: { path: { id: "x" } } });
`,
    probes: [
      { call: `sdk.createEquisoftClient({})`, throws: "ConfigurationError" },
      {
        call: `sdk.createEquisoftClient({ baseUrl: "http://127.0.0.1:9", fetch: noNetwork }).setSessionSsoToken({ params: { path: { uuid: "u", tokenId: "t" } }, body: "" })`,
        throws: "MissingCredentialsError",
      },
      {
        call: `sdk.createEquisoftClient({ baseUrl: "http://127.0.0.1:9", fetch: answer(404, {}), retry: false }).getSession({ params: { path: { uuid: "u" } } })`,
        throws: "NotFoundError",
      },
    ],
  },
};

export function usageFor(provider: string): ProviderUsage {
  const usage = PROVIDER_USAGE[provider];
  if (!usage) throw new Error(`no consumer usage for provider "${provider}": add one to scripts/lib/pack-usage.ts`);
  return usage;
}
