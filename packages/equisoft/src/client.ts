import {
  type ClientOptions,
  type OperationData,
  type OperationInit,
  ConfigurationError,
  MissingCredentialsError,
  createApiClient,
  extendClient,
} from "@sessionkit/auth-helpers";
import { defaultBaseUrl, operations } from "./generated/operations";
import type { components, operations as Operations, paths } from "./generated/schema";

export type Session = components["schemas"]["Session"];
export type SessionPayload = components["schemas"]["SessionPayload"];
export type SsoToken = components["schemas"]["SsoToken"];
export type ImpersonatePayload = components["schemas"]["ImpersonatePayload"];

export interface EquisoftClientOptions extends ClientOptions {
  /**
   * Required: the account service runs inside Equisoft's network and has no public host, so there is no default
   * (the spec's `http://localhost` placeholder would only ever reach the wrong server).
   */
  baseUrl: string;
}

/**
 * Equisoft's account service: eleven session operations, no credential of its own (the spec declares no security
 * scheme; put a gateway's header in `headers` if your deployment needs one). Sessions are addressed by `uuid`;
 * a missing or empty path parameter is refused before any request.
 */
export function createEquisoftClient(options: EquisoftClientOptions) {
  if (typeof options?.baseUrl !== "string" || options.baseUrl.trim() === "") {
    throw new ConfigurationError(
      "[@sessionkit/equisoft] baseUrl is required: the account service has no public host " +
        '(e.g. "https://accounts.internal.example"; the local mock is "http://127.0.0.1:4014")',
    );
  }
  const api = createApiClient<paths, Operations, typeof operations>(
    { provider: "equisoft", defaultBaseUrl, operations },
    options,
  );

  return extendClient(api, {
    /** PUT /sessions/{uuid}/tokens/{tokenId}: stores `body` byte for byte as `text/plain` (not JSON-quoted). */
    async setSessionSsoToken(
      init: OperationInit<Operations["setSessionSsoToken"]>,
    ): Promise<OperationData<Operations["setSessionSsoToken"]>> {
      if (typeof init?.body !== "string" || init.body === "") {
        throw new MissingCredentialsError("equisoft", ["body (the sso token to store)"]);
      }
      return api.ops.setSessionSsoToken(init);
    },
  });
}

export type EquisoftClient = ReturnType<typeof createEquisoftClient>;
