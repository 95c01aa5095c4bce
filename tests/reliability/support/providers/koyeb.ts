/** Koyeb: email + password login → bearer token; DELETE logout is the idempotent call, POST new session is not. */
import { createKoyebClient, type KoyebClient } from "@sessionkit/koyeb";
import { type Hit, json } from "../fault-server";
import { type ProviderAdapter, fastOptions } from "./adapter";

export const koyebSecrets = {
  password: "koyeb-Pa55word-7f3e9c",
  token: "kyb_tok_5e1d9a7c3b8f4e2a9d6c1b0f7e3a5c8d",
  sessionToken: "kyb_tok_new_session_0c9b8a7f6e5d4c3b",
  refreshedToken: "kyb_tok_refreshed_9f8e7d6c5b4a3f2e",
};
const EMAIL = "ada@example.com";
const FUTURE = "2099-01-01T00:00:00Z";

const reply = (id: string) => ({
  status: 200,
  body: { token: { id, user_id: "u-1", organization_id: "o-1", expires_at: FUTURE } },
});

export const koyeb: ProviderAdapter<KoyebClient> = {
  name: "koyeb",
  basePath: "",
  secrets: { ...koyebSecrets },
  routes() {
    const authorized = (hit: Hit) => hit.headers.authorization === `Bearer ${koyebSecrets.token}`;
    const unauthorized = {
      status: 401,
      body: { status: 401, code: "unauthenticated", message: "The token is not valid" },
    };
    return {
      "POST /v1/account/login": (hit) => {
        const { email, password } = json(hit);
        return email === EMAIL && password === koyebSecrets.password
          ? reply(koyebSecrets.token)
          : { status: 401, body: { status: 401, code: "unauthenticated", message: "wrong email or password" } };
      },
      "DELETE /v1/account/logout": (hit) => (authorized(hit) ? { status: 200, body: {} } : unauthorized),
      "POST /v1/account/session": (hit) => (authorized(hit) ? reply(koyebSecrets.sessionToken) : unauthorized),
      "PUT /v1/account/refresh": (hit) => (authorized(hit) ? reply(koyebSecrets.refreshedToken) : unauthorized),
    };
  },
  create: (server, options) => createKoyebClient(fastOptions(server, "", options)),
  login: {
    route: "POST /v1/account/login",
    run: (client, signal) => client.login({ email: EMAIL, password: koyebSecrets.password }, { signal }),
  },
  // The plain facade (withResponse) so that the call does not adopt a new token: the session must stay as it was.
  idempotent: { route: "DELETE /v1/account/logout", run: (client, signal) => client.withResponse.logout({ signal }) },
  nonIdempotent: {
    route: "POST /v1/account/session",
    run: (client, signal) => client.withResponse.newSession({ signal }),
  },
  credential: (hit) => hit.headers.authorization,
  mismatchedLoginBody: { token: "kyb_a_string_not_an_object" },
};
