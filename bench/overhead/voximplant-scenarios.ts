/**
 * Voximplant Logon: POST with a form-encoded (empty) body, `account_name` + `api_key` in the query string, and an
 * answer that must be checked for `error` before it is trusted (HTTP 200 either way).
 */
import createClient from "openapi-fetch";
import type { paths } from "../../packages/voximplant/src/generated/schema";
import { typescriptFetchClient } from "../lib/openapi-generator";
import { packageBuild, specFile } from "../lib/repo";
import {
  type Contender,
  OPENAPI_FETCH,
  OPENAPI_GENERATOR,
  RAW,
  SESSIONKIT,
  type Scenario,
  expectEqual,
} from "./contender";
import { exampleBody } from "./example-routes";

interface LogonReply {
  result?: string;
  error?: { code: number; msg: string };
}

interface VoximplantModule {
  createVoximplantClient(options: { baseUrl: string; accountName: string; apiKey: string }): {
    logon(): Promise<LogonReply>;
  };
}

interface GeneratedVoximplant {
  Configuration: new (c: { basePath: string; apiKey: (name: string) => string }) => unknown;
  AccountsAuthenticationApi: new (c: unknown) => { logon(): Promise<LogonReply> };
}

const ACCOUNT = { account_name: "myaccount", api_key: "5b2e9f4a-8c1d-4e7b-a3f6-0d9c2b1e8a47" };
const FORM = "application/x-www-form-urlencoded";

export async function voximplantScenarios(baseUrl: string, notes: string[]): Promise<Scenario[]> {
  const expected: LogonReply = exampleBody(specFile("voximplant"), "post", "/Logon");
  const build = packageBuild("voximplant");
  const sessionkit: VoximplantModule | undefined = build.state === "missing" ? undefined : await import(build.esm);
  let generated: GeneratedVoximplant | undefined;
  try {
    generated = require((await typescriptFetchClient("voximplant")).bundle) as GeneratedVoximplant;
  } catch (err) {
    notes.push(`voximplant: no openapi-generator contender: ${(err as Error).message}`);
  }

  const contenders: Contender[] = [raw(baseUrl)];
  if (sessionkit) contenders.push(ours(sessionkit, baseUrl));
  contenders.push(viaOpenapiFetch(baseUrl));
  if (generated) {
    contenders.push(viaGenerated(generated, baseUrl));
    notes.push(
      "voximplant: the typescript-fetch client sends Logon without a body or Content-Type (the generator drops the empty form body the spec declares); the others send an empty form body.",
    );
  }
  return [
    {
      id: "voximplant-logon",
      title: "Voximplant Logon (POST, form body, keys in the query)",
      contenders,
      check: (result) => expectEqual("voximplant Logon result", (result as LogonReply).result, expected.result),
    },
  ];
}

/** What every contender does with the answer: Voximplant reports failures as HTTP 200 + `error`. */
function unwrap(data: LogonReply): LogonReply {
  if (data.error) throw new Error(`Voximplant error ${data.error.code}`);
  return data;
}

function raw(baseUrl: string): Contender {
  const url = `${baseUrl}/Logon?${new URLSearchParams(ACCOUNT)}`;
  return {
    name: RAW,
    async call() {
      const response = await fetch(url, { method: "POST", headers: { "Content-Type": FORM }, body: "" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return unwrap((await response.json()) as LogonReply);
    },
  };
}

function ours(mod: VoximplantModule, baseUrl: string): Contender {
  const client = mod.createVoximplantClient({ baseUrl, accountName: ACCOUNT.account_name, apiKey: ACCOUNT.api_key });
  return { name: SESSIONKIT, call: () => client.logon() };
}

function viaOpenapiFetch(baseUrl: string): Contender {
  const client = createClient<paths>({ baseUrl });
  client.use({
    async onRequest({ request }) {
      const url = new URL(request.url);
      for (const [name, value] of Object.entries(ACCOUNT)) url.searchParams.set(name, value);
      return new Request(url, { method: request.method, headers: request.headers, body: await request.arrayBuffer() });
    },
  });
  return {
    name: OPENAPI_FETCH,
    async call() {
      const { data, error, response } = await client.POST("/Logon", { body: {}, headers: { "Content-Type": FORM } });
      if (error !== undefined || !data) throw new Error(`HTTP ${response.status}`);
      return unwrap(data as LogonReply);
    },
  };
}

function viaGenerated(mod: GeneratedVoximplant, baseUrl: string): Contender {
  const api = new mod.AccountsAuthenticationApi(
    new mod.Configuration({ basePath: baseUrl, apiKey: (name) => ACCOUNT[name as keyof typeof ACCOUNT] ?? "" }),
  );
  return { name: OPENAPI_GENERATOR, call: async () => unwrap(await api.logon()) };
}
