/**
 * Equisoft: no login and no credential of its own (the spec declares none); deployments put a gateway key in the
 * client's `headers`, which is the credential followed here. GET a session is idempotent, POST /sessions is not.
 */
import { createEquisoftClient, type EquisoftClient } from "@sessionkit/equisoft";
import { type ProviderAdapter, fastOptions } from "./adapter";

export const EQUISOFT_UUID = "0b6f3c1e-2a4d-4e8f-9c7b-5d1a3e6f8b20";
export const equisoftSecrets = {
  gatewayKey: "eqs-gateway-key-2d7f9b1c4e6a8d0f",
  ssoToken: "eqs-sso-token-7a1c3e5b9d2f4a6c",
};
const session = { uuid: EQUISOFT_UUID, userUuid: "u-1", tenantId: "t-1", enabled: true };

export const equisoft: ProviderAdapter<EquisoftClient> = {
  name: "equisoft",
  basePath: "",
  secrets: { ...equisoftSecrets },
  routes() {
    const gated = (handler: () => { status: number; body?: unknown }) => (hit: { headers: Record<string, unknown> }) =>
      hit.headers["x-gateway-key"] === equisoftSecrets.gatewayKey
        ? handler()
        : { status: 401, body: { message: "gateway key missing" } };
    return {
      [`GET /sessions/${EQUISOFT_UUID}`]: gated(() => ({ status: 200, body: session })),
      "POST /sessions": gated(() => ({ status: 201, body: session })),
      [`PUT /sessions/${EQUISOFT_UUID}/tokens/sso-1`]: gated(() => ({ status: 200 })),
    };
  },
  create: (server, options) =>
    createEquisoftClient({
      ...fastOptions(server, "", options),
      headers: { "X-Gateway-Key": equisoftSecrets.gatewayKey },
    }),
  idempotent: {
    route: `GET /sessions/${EQUISOFT_UUID}`,
    run: (client, signal) => client.withResponse.getSession({ params: { path: { uuid: EQUISOFT_UUID } }, signal }),
  },
  nonIdempotent: {
    route: "POST /sessions",
    run: (client, signal) => client.withResponse.createSession({ body: { userUuid: "u-1" }, signal }),
  },
  credential: (hit) => hit.headers["x-gateway-key"] as string | undefined,
};
