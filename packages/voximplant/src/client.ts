import {
  type AuthStrategy,
  type ClientOptions,
  type SecretSource,
  AuthProtocolError,
  apiKeys,
  createApiClient,
  extendClient,
  requireFields,
} from "@sessionkit/auth-helpers";
import { VoximplantError } from "./errors";
import { defaultBaseUrl, operations } from "./generated/operations";
import type { components, operations as Operations, paths } from "./generated/schema";

/** Logon's result once it succeeded (a failure is thrown as VoximplantError, so `error` never appears here). */
export type LogonReply = Omit<components["schemas"]["InlineResponse20060"], "error">;
export type LogoutReply = Omit<components["schemas"]["InlineResponse200"], "error">;

export interface VoximplantClientOptions extends ClientOptions {
  /** `account_name`: identifies the account on every call. */
  accountName?: string;
  /** `api_key`: the account's permanent key (or a function that reads it when a request is sent). Logon needs it. */
  apiKey?: SecretSource;
  /** A session ID from an earlier Logon (its `result`), to continue that session. */
  sessionId?: string;
}

const provider = "voximplant";

/**
 * Voximplant Platform API: every call carries `account_name` plus a proof as query parameters: `api_key`, or,
 * after Logon, the temporary `session_id` where the operation's security allows it. Bodies are form-encoded.
 * Voximplant reports failures as HTTP 200 with `error: {code, msg}`; the client throws those as VoximplantError.
 */
export function createVoximplantClient(options: VoximplantClientOptions = {}) {
  let sessionId = options.sessionId;
  const accountName = () => options.accountName;
  const byApiKey = apiKeys({
    provider,
    in: "query",
    keys: { account_name: accountName, api_key: options.apiKey ?? "" },
  });
  const bySession = apiKeys({
    provider,
    in: "query",
    keys: { account_name: accountName, session_id: () => sessionId },
  });
  // The session replaces the permanent key wherever the spec's security lists a {session_id, ...} alternative.
  const sessionPaths = new Set<string>(
    Object.values(operations)
      .filter((op) => op.security.some((alternative) => (alternative as readonly string[]).includes("session_id")))
      .map((op) => op.path),
  );
  const credentials: AuthStrategy = {
    kind: "apiKey",
    onRequest: (params) => (sessionId && sessionPaths.has(params.schemaPath) ? bySession : byApiKey).onRequest!(params),
  };
  const api = createApiClient<paths, Operations, typeof operations>(
    { provider, defaultBaseUrl, operations, errorInBody: VoximplantError.fromBody },
    options,
    [credentials],
  );

  return extendClient(api, {
    /** POST /Logon with `account_name` + `api_key`: keeps the temporary session ID it returns for later calls. */
    async logon(opts: { signal?: AbortSignal } = {}): Promise<LogonReply> {
      requireFields(provider, options, ["accountName", "apiKey"]);
      const reply = await api.ops.logon({ body: {}, signal: opts.signal });
      // A "successful" Logon without a session ID would leave the caller believing a session exists.
      if (typeof reply?.result !== "string" || reply.result === "") {
        throw new AuthProtocolError("login", "[@sessionkit/voximplant] the Logon reply carried no session ID (result)");
      }
      sessionId = reply.result;
      return reply;
    },
    /** POST /Logout: forgets the session ID, here even when the call fails (without one, it is sent with `api_key`). */
    async logout(opts: { signal?: AbortSignal } = {}): Promise<LogoutReply> {
      requireFields(provider, options, sessionId ? ["accountName"] : ["accountName", "apiKey"]);
      try {
        return await api.ops.logout({ body: {}, signal: opts.signal });
      } finally {
        sessionId = undefined;
      }
    },
  });
}

export type VoximplantClient = ReturnType<typeof createVoximplantClient>;
