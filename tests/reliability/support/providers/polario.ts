/**
 * Polario: a real SCRAM-SHA-256 exchange (POST /auth/auth, POST /auth/login) → a JWT in the `Session` header and a
 * refresh token; GET /auth/logout is the idempotent call, POST /auth/session (refresh token in the body) is not.
 */
import { createPolarioClient, type PolarioClient } from "@sessionkit/polario";
import { type Hit, json } from "../fault-server";
import { epoch, signedJwt } from "../jwt";
import { clientNonceOf, scramServer } from "../scram-server";
import { type ProviderAdapter, fastOptions } from "./adapter";

const EMAIL = "ada@example.com";
/** Fixed so that the SCRAM proof is known in advance (the client's `scramNonce` test option). */
export const POLARIO_CLIENT_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
export const polarioUser = {
  username: EMAIL,
  password: "polario-Pa55word-e4d1",
  salt: "QSXCR+Q6sek8bf92",
  iterations: 4096,
};
export const polarioScram = scramServer(polarioUser);

export const polarioSecrets = {
  password: polarioUser.password,
  scramProof: polarioScram.expectedProof(POLARIO_CLIENT_NONCE),
  jwt: signedJwt({ sub: "user-1", exp: epoch(3600), jti: "login" }),
  refreshedJwt: signedJwt({ sub: "user-1", exp: epoch(7200), jti: "refresh" }),
  refreshToken: "rt_polario_8c2f4a6e1b9d3f5a7c0e",
};

export const polario: ProviderAdapter<PolarioClient> = {
  name: "polario",
  basePath: "/api",
  secrets: { ...polarioSecrets },
  routes() {
    const unauthorized = { status: 401, body: { error: "unauthorized" } };
    return {
      "POST /api/auth/auth": (hit) => {
        const { email, nonce } = json(hit);
        if (email !== EMAIL || typeof nonce !== "string") return { status: 400, body: { error: "bad request" } };
        return { status: 200, body: { ...polarioScram.first(nonce), expires: epoch(60) } };
      },
      "POST /api/auth/login": (hit) => {
        const { email, nonce, proof } = json(hit);
        if (email !== EMAIL || typeof nonce !== "string" || typeof proof !== "string") return unauthorized;
        const signature = polarioScram.verify(clientNonceOf(nonce), nonce, proof);
        if (!signature) return unauthorized;
        return {
          status: 200,
          headers: { Session: polarioSecrets.jwt },
          body: {
            signature,
            refreshToken: polarioSecrets.refreshToken,
            deviceId: "d-1",
            redirectProjectId: null,
            sendbirdSessionToken: null,
          },
        };
      },
      "GET /api/auth/logout": (hit: Hit) =>
        hit.headers.session === polarioSecrets.jwt || hit.headers.session === polarioSecrets.refreshedJwt
          ? { status: 200, body: { status: "ok" } }
          : unauthorized,
      "POST /api/auth/session": (hit) =>
        json(hit).refreshToken === polarioSecrets.refreshToken
          ? {
              status: 200,
              headers: { Session: polarioSecrets.refreshedJwt },
              body: { deviceId: "d-1", sendbirdSessionToken: null },
            }
          : { status: 416, body: { error: "invalid refresh token" } },
    };
  },
  create: (server, options) =>
    createPolarioClient({ ...fastOptions(server, "/api", options), scramNonce: POLARIO_CLIENT_NONCE }),
  login: {
    route: "POST /api/auth/login",
    run: (client, signal) => client.login({ email: EMAIL, password: polarioSecrets.password }, { signal }),
  },
  // The JWT goes in by the client's strategy; the header parameter only satisfies the types.
  idempotent: {
    route: "GET /api/auth/logout",
    run: (client, signal) => client.withResponse.authLogoutGet({ params: { header: { Session: "" } }, signal }),
  },
  nonIdempotent: {
    route: "POST /api/auth/session",
    run: (client, signal) =>
      client.withResponse.authSessionPost({ body: { refreshToken: polarioSecrets.refreshToken }, signal }),
  },
  credential: (hit) =>
    hit.path.endsWith("/auth/session")
      ? (json(hit).refreshToken as string)
      : (hit.headers.session as string | undefined),
  mismatchedLoginBody: { signature: 42, refreshToken: ["not", "a", "string"] },
};
