/**
 * Koyeb: login (JSON body) and an authenticated call (newSession: Bearer header, no body), each made four ways.
 * Every contender keeps the token the last reply carried and sends it as `Authorization: Bearer`, as the client
 * does (login accepts the Bearer scheme or nothing; a stored token goes along).
 */
import createClient from "openapi-fetch";
import type { paths } from "../../packages/koyeb/src/generated/schema";
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

interface LoginReply {
  token?: { id?: string };
}

/** The part of @sessionkit/koyeb the benchmark drives (loaded from dist/ at run time). */
interface KoyebModule {
  createKoyebClient(options: { baseUrl: string; token?: string; tokenExpiresAt?: number; retry?: false }): {
    login(body: { email: string; password: string }): Promise<LoginReply>;
    newSession(): Promise<LoginReply>;
  };
}

/** The part of the typescript-fetch output the benchmark drives. */
interface GeneratedKoyeb {
  Configuration: new (c: { basePath: string; apiKey: (name: string) => string }) => unknown;
  SessionsApi: new (
    c: unknown,
  ) => { login(r: { body: object }): Promise<LoginReply>; newSession(): Promise<LoginReply> };
}

const CREDENTIALS = { email: "jane@example.com", password: "correct-horse-battery-staple" };
type Op = "login" | "newSession";
const PATHS = { login: "/v1/account/login", newSession: "/v1/account/session" } as const;

export async function koyebScenarios(baseUrl: string, notes: string[]): Promise<Scenario[]> {
  const spec = specFile("koyeb");
  const expected = {
    login: exampleBody(spec, "post", PATHS.login),
    newSession: exampleBody(spec, "post", PATHS.newSession),
  };
  const firstToken: string = expected.login.token.id;

  const build = packageBuild("koyeb");
  const sessionkit: KoyebModule | undefined = build.state === "missing" ? undefined : await import(build.esm);
  let generated: GeneratedKoyeb | undefined;
  try {
    generated = require((await typescriptFetchClient("koyeb")).bundle) as GeneratedKoyeb;
  } catch (err) {
    notes.push(`koyeb: no openapi-generator contender: ${(err as Error).message}`);
  }

  const scenario = (op: Op, title: string): Scenario => {
    const contenders: Contender[] = [raw(baseUrl, op, firstToken)];
    if (sessionkit) contenders.push(ours(sessionkit, baseUrl, op, firstToken));
    contenders.push(viaOpenapiFetch(baseUrl, op, firstToken));
    if (generated) contenders.push(viaGenerated(generated, baseUrl, op, firstToken));
    return {
      id: `koyeb-${op}`,
      title,
      contenders,
      check: (result) => expectEqual(`koyeb ${op} token`, (result as LoginReply).token?.id, expected[op].token.id),
    };
  };
  return [
    scenario("login", "Koyeb login (POST, JSON body)"),
    scenario("newSession", "Koyeb newSession (POST, Bearer token, no body)"),
  ];
}

function raw(baseUrl: string, op: Op, firstToken: string): Contender {
  let token = firstToken;
  const url = `${baseUrl}${PATHS[op]}`;
  return {
    name: RAW,
    async call() {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
      let body: string | undefined;
      if (op === "login") {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(CREDENTIALS);
      }
      const response = await fetch(url, { method: "POST", headers, body });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = (await response.json()) as LoginReply;
      token = data.token?.id ?? token;
      return data;
    },
  };
}

function ours(mod: KoyebModule, baseUrl: string, op: Op, firstToken: string): Contender {
  const client = mod.createKoyebClient({ baseUrl, token: firstToken });
  return { name: SESSIONKIT, call: () => (op === "login" ? client.login(CREDENTIALS) : client.newSession()) };
}

function viaOpenapiFetch(baseUrl: string, op: Op, firstToken: string): Contender {
  let token = firstToken;
  const client = createClient<paths>({ baseUrl });
  client.use({
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${token}`);
      return undefined;
    },
  });
  return {
    name: OPENAPI_FETCH,
    async call() {
      const { data, error, response } =
        op === "login"
          ? await client.POST("/v1/account/login", { body: CREDENTIALS })
          : await client.POST("/v1/account/session");
      if (error !== undefined || !data) throw new Error(`HTTP ${response.status}`);
      token = data.token?.id ?? token;
      return data;
    },
  };
}

function viaGenerated(mod: GeneratedKoyeb, baseUrl: string, op: Op, firstToken: string): Contender {
  let token = firstToken;
  const api = new mod.SessionsApi(new mod.Configuration({ basePath: baseUrl, apiKey: () => `Bearer ${token}` }));
  return {
    name: OPENAPI_GENERATOR,
    async call() {
      const data = op === "login" ? await api.login({ body: CREDENTIALS }) : await api.newSession();
      token = data.token?.id ?? token;
      return data;
    },
  };
}
