import { type ApiClient, createScramClient } from "@sessionkit/auth-helpers";
import type { operations } from "./generated/operations";
import type { components, operations as Operations, paths } from "./generated/schema";
import { sessionJwt } from "./session-header";

export type AuthLoginRequest = components["schemas"]["AuthLoginRequest"];
export type AuthLoginResponse = components["schemas"]["AuthLoginResponse"];

export interface PolarioCredentials {
  email: string;
  password: string;
}

export interface PolarioLoginOptions {
  /** Sent as the `Platform` header of both SCRAM steps (the server requires them to match), e.g. "Web". */
  platform?: string;
  /** The device the session is created for (the optional fields of the login request). */
  device?: Pick<AuthLoginRequest, "os" | "osVersion" | "deviceName" | "browser">;
  signal?: AbortSignal;
}

type PolarioApi = ApiClient<paths, Operations, typeof operations>;

/**
 * Polario's SCRAM-SHA-256 login (RFC 5802 / 7677), its messages carried as JSON fields (see specs/polario.yaml):
 * POST /auth/auth with the client nonce, POST /auth/login with the proof, then the server's signature is verified
 * before anything in the reply is trusted. A wrong signature throws AuthProtocolError("scram", ...).
 */
export async function scramLogin(
  api: PolarioApi,
  { email, password }: PolarioCredentials,
  { platform, device, signal, nonce }: PolarioLoginOptions & { nonce?: string },
): Promise<{ reply: AuthLoginResponse; token: string }> {
  const scram = createScramClient({ username: email, password, hash: "SHA-256", nonce, provider: "polario" });
  const params = platform === undefined ? {} : { header: { Platform: platform } };

  const first = await api.ops.authAuthPost({
    body: { email, nonce: attribute(await scram.clientFirst(), "r") },
    params,
    signal,
  });
  const serverFirst = `r=${first.nonce},s=${first.salt},i=${first.iterationCount}`;
  const proof = attribute(await scram.clientFinal(serverFirst), "p");

  const { data, response } = await api.withResponse.authLoginPost({
    body: { email, nonce: first.nonce, proof, ...device },
    params,
    signal,
  });
  await scram.verifyServerFinal(`v=${data.signature ?? ""}`);
  return { reply: data, token: sessionJwt(response, "login") };
}

/** The value of the last `<name>=` attribute of a SCRAM message (values never contain commas). */
function attribute(message: string, name: "r" | "p"): string {
  const marker = `,${name}=`;
  return message.slice(message.lastIndexOf(marker) + marker.length);
}
