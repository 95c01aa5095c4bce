/**
 * CloudEndure: POST /login sets a `session` cookie and an `XSRF-TOKEN` cookie; later calls send both back (the
 * token in `X-XSRF-TOKEN`). Both operations are POSTs, so there is no idempotent call; POST /logout (through the
 * plain facade, which keeps the cookie jar) is the non-idempotent one.
 */
import { type CloudEndureClient, createCloudEndureClient } from "@sessionkit/cloudendure";
import { type Hit, json } from "../fault-server";
import { type ProviderAdapter, fastOptions } from "./adapter";

const USERNAME = "ada@example.com";
export const cloudendureSecrets = {
  password: "cloudendure-Pa55word-b7c1",
  userApiToken: "3A1F-9C2B-77E0-4D15-A8B6-0E93-5C2D-F1A7",
  sessionCookie: "ce_session_4f2b9c1e7a6d43b08e5f1c2a9d7b3e60",
  xsrfToken: "ce_xsrf_9d7b3e604f2b9c1e7a6d43b0",
};
const BASE = "/api/latest";

export function sessionCookies(): string[] {
  return [
    `session=${cloudendureSecrets.sessionCookie}; Path=/; HttpOnly`,
    `XSRF-TOKEN=${cloudendureSecrets.xsrfToken}; Path=/`,
  ];
}

function cookie(hit: Hit, name: string): string | undefined {
  const header = hit.headers.cookie ?? "";
  return header
    .split(";")
    .map((pair) => pair.trim().split("="))
    .find(([key]) => key === name)?.[1];
}

export const cloudendure: ProviderAdapter<CloudEndureClient> = {
  name: "cloudendure",
  basePath: BASE,
  secrets: { ...cloudendureSecrets },
  routes() {
    const user = { username: USERNAME, status: "CONFIRMED", account: "acc-1", roles: ["ACCOUNT_OWNER"], id: "user-1" };
    return {
      [`POST ${BASE}/login`]: (hit) => {
        const body = json(hit);
        const ok =
          (body.username === USERNAME && body.password === cloudendureSecrets.password) ||
          body.userApiToken === cloudendureSecrets.userApiToken;
        return ok
          ? { status: 200, headers: { "Set-Cookie": sessionCookies() }, body: user }
          : { status: 401, body: { message: "The login credentials provided cannot be authenticated." } };
      },
      [`POST ${BASE}/logout`]: (hit) =>
        cookie(hit, "session") === cloudendureSecrets.sessionCookie &&
        hit.headers["x-xsrf-token"] === cloudendureSecrets.xsrfToken
          ? { status: 204 }
          : { status: 401, body: { message: "Unauthorized" } },
    };
  },
  create: (server, options) => createCloudEndureClient(fastOptions(server, BASE, options)),
  login: {
    route: `POST ${BASE}/login`,
    run: (client, signal) =>
      client.loginPost({ username: USERNAME, password: cloudendureSecrets.password }, { signal }),
  },
  nonIdempotent: { route: `POST ${BASE}/logout`, run: (client, signal) => client.withResponse.logoutPost({ signal }) },
  credential: (hit) => `session=${cookie(hit, "session")}; xsrf=${hit.headers["x-xsrf-token"]}`,
};
