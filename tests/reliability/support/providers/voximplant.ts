/**
 * Voximplant: `account_name` + `api_key` in the query; Logon returns a temporary `session_id` that later calls carry
 * instead of the key. Failures come back as HTTP 200 with `error: {code, msg}`. Both operations are POSTs; Logout
 * (through the plain facade, which keeps the session) is the non-idempotent call.
 */
import { type VoximplantClient, createVoximplantClient } from "@sessionkit/voximplant";
import { type Hit, formAndQuery } from "../fault-server";
import { type ProviderAdapter, fastOptions } from "./adapter";

const ACCOUNT = "myaccount";
const BASE = "/platform_api";
export const voximplantSecrets = {
  apiKey: "5b2e9f4a-8c1d-4e7b-a3f6-0d9c2b1e8a47",
  sessionId: "6c3f0e1b9a8d4f27b5e2c1d0a9f8e7d6",
};

export const voximplant: ProviderAdapter<VoximplantClient> = {
  name: "voximplant",
  basePath: BASE,
  secrets: { ...voximplantSecrets },
  routes() {
    const failed = (code: number, msg: string) => ({ status: 200, body: { error: { code, msg } } });
    return {
      [`POST ${BASE}/Logon`]: (hit: Hit) => {
        const p = formAndQuery(hit);
        return p.account_name === ACCOUNT && p.api_key === voximplantSecrets.apiKey
          ? {
              status: 200,
              body: {
                result: voximplantSecrets.sessionId,
                api_key: voximplantSecrets.apiKey,
                account_id: 1,
                account_name: ACCOUNT,
              },
            }
          : failed(100, "Authorization failed");
      },
      [`POST ${BASE}/Logout`]: (hit: Hit) => {
        const p = formAndQuery(hit);
        if (p.account_name !== ACCOUNT) return failed(100, "Authorization failed");
        return p.session_id === voximplantSecrets.sessionId || p.api_key === voximplantSecrets.apiKey
          ? { status: 200, body: { result: 1 } }
          : failed(161, "The 'session_id' parameter is invalid");
      },
    };
  },
  create: (server, options) =>
    createVoximplantClient({
      ...fastOptions(server, BASE, options),
      accountName: ACCOUNT,
      apiKey: voximplantSecrets.apiKey,
    }),
  login: { route: `POST ${BASE}/Logon`, run: (client, signal) => client.logon({ signal }) },
  nonIdempotent: {
    route: `POST ${BASE}/Logout`,
    run: (client, signal) => client.withResponse.logout({ body: {}, signal }),
  },
  credential: (hit) => {
    const p = formAndQuery(hit);
    return `${p.account_name}/${p.session_id ?? `key:${p.api_key}`}`;
  },
  mismatchedLoginBody: { result: 42, account_id: "not-a-number" },
};
