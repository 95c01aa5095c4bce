/**
 * The apps the size table bundles: each creates a client with its auth and calls one operation, as the smallest
 * real use of a package would. `kind` says which goal applies: header/query credentials (or none) must stay
 * small; the cookie jar and SCRAM providers are reported with what dominates them.
 */
import { dirname, join } from "node:path";

export type CredentialKind = "header" | "query" | "none" | "cookie" | "scram" | "reference";

export interface SizeApp {
  label: string;
  /** The package under test (packages/<name>), or undefined for a reference app. */
  provider?: string;
  kind: CredentialKind;
  source: string;
}

/** openapi-fetch as installed (ESM build), by absolute path: the reference app must bundle the same version. */
function openapiFetchEntry(): string {
  return join(dirname(require.resolve("openapi-fetch")), "index.mjs");
}

export const PROVIDER_APPS: SizeApp[] = [
  {
    label: "koyeb",
    provider: "koyeb",
    kind: "header",
    source: `
import { createKoyebClient } from "@sessionkit/koyeb";
const koyeb = createKoyebClient({ baseUrl: "http://127.0.0.1:4010" });
koyeb.login({ email: "jane@example.com", password: "pw" }).then((reply) => console.log(reply.token?.id));
`,
  },
  {
    label: "voximplant",
    provider: "voximplant",
    kind: "query",
    source: `
import { createVoximplantClient } from "@sessionkit/voximplant";
const voximplant = createVoximplantClient({ baseUrl: "http://127.0.0.1:4011", accountName: "myaccount", apiKey: "key" });
voximplant.logon().then((reply) => console.log(reply.result));
`,
  },
  {
    label: "equisoft",
    provider: "equisoft",
    kind: "none",
    source: `
import { createEquisoftClient } from "@sessionkit/equisoft";
const equisoft = createEquisoftClient({ baseUrl: "http://127.0.0.1:4014" });
equisoft.getSession({ params: { path: { uuid: "5d0c6a8e-0000-4000-8000-000000000000" } } }).then((s) => console.log(s));
`,
  },
  {
    label: "cloudendure",
    provider: "cloudendure",
    kind: "cookie",
    source: `
import { createCloudEndureClient } from "@sessionkit/cloudendure";
const cloudendure = createCloudEndureClient({ baseUrl: "http://127.0.0.1:4012" });
cloudendure.loginPost({ username: "jane@example.com", password: "pw" }).then((user) => console.log(user));
`,
  },
  {
    label: "polario",
    provider: "polario",
    kind: "scram",
    source: `
import { createPolarioClient } from "@sessionkit/polario";
const polario = createPolarioClient({ baseUrl: "http://127.0.0.1:4013" });
polario.login({ email: "jane@example.com", password: "pw" }).then((reply) => console.log(reply.token));
`,
  },
];

/** openapi-fetch with a plain Bearer middleware making the Koyeb login: the floor a typed client starts from. */
export function openapiFetchApp(): SizeApp {
  return {
    label: "openapi-fetch + Bearer middleware (reference)",
    kind: "reference",
    source: `
import createClient from ${JSON.stringify(openapiFetchEntry())};
let token = "";
const client = createClient({ baseUrl: "http://127.0.0.1:4010" });
client.use({ onRequest({ request }) { if (token) request.headers.set("Authorization", "Bearer " + token); } });
client.POST("/v1/account/login", { body: { email: "jane@example.com", password: "pw" } }).then(({ data }) => { token = data?.token?.id ?? ""; });
`,
  };
}

/** The client openapi-generator's typescript-fetch makes from specs/koyeb.yaml, making the same login. */
export function typescriptFetchApp(entry: string): SizeApp {
  return {
    label: "openapi-generator typescript-fetch, koyeb (reference)",
    kind: "reference",
    source: `
import { Configuration, SessionsApi } from ${JSON.stringify(entry)};
const api = new SessionsApi(new Configuration({ basePath: "http://127.0.0.1:4010", apiKey: () => "Bearer t" }));
api.login({ body: { email: "jane@example.com", password: "pw" } }).then((reply) => console.log(reply.token?.id));
`,
  };
}
