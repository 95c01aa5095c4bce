import {
  type ClientOptions,
  type OperationData,
  type TokenAuth,
  AuthProtocolError,
  MissingCredentialsError,
  createApiClient,
  extendClient,
  refreshingToken,
  requireFields,
} from "@sessionkit/auth-helpers";
import { defaultBaseUrl, operations } from "./generated/operations";
import type { components, operations as Operations, paths } from "./generated/schema";

export type LoginRequest = components["schemas"]["LoginRequest"];
export type LoginReply = components["schemas"]["LoginReply"];

export interface KoyebClientOptions extends ClientOptions {
  /** A token from an earlier login (or a personal access token); without one, call `login` first. */
  token?: string;
  /** When `token` expires (ms since epoch), if known; the client refreshes shortly before. */
  tokenExpiresAt?: number;
  /** Called with every new token (login, refresh, new session) so the caller can persist it. */
  onTokenRefreshed?: (grant: TokenAuth) => void | Promise<void>;
}

/**
 * Koyeb: email + password login returns a token sent as `Authorization: Bearer <token>`; PUT /v1/account/refresh
 * trades it for a fresh one (done automatically shortly before expiry and once after a 401).
 */
export function createKoyebClient(options: KoyebClientOptions = {}) {
  const session = refreshingToken({
    provider: "koyeb",
    token: options.token,
    expiresAt: options.tokenExpiresAt,
    onTokenRefreshed: options.onTokenRefreshed,
    skipPath: (schemaPath) => schemaPath === operations.refreshToken.path,
    refresh: async ({ token }) => toGrant(await refreshWith(token)),
  });
  const api = createApiClient<paths, Operations, typeof operations>(
    { provider: "koyeb", defaultBaseUrl, operations },
    options,
    [session],
  );

  /** PUT /v1/account/refresh with the current token, sent explicitly: the strategy skips this path. */
  const refreshWith = (token: string | undefined) => {
    if (!token) throw new MissingCredentialsError("koyeb", ["token (call login first)"]);
    return api.ops.refreshToken({ headers: { Authorization: `Bearer ${token}` } });
  };

  /** Keeps the token a reply carries as the session's credential. */
  const adopt = async (reply: LoginReply) => {
    const grant = toGrant(reply);
    session.set(grant.token, grant.expiresAt);
    await options.onTokenRefreshed?.(grant);
    return reply;
  };

  return extendClient(api, {
    /** POST /v1/account/login. `seonFp` is sent as the optional `seon-fp` header. */
    async login(body: LoginRequest, opts: { seonFp?: string; signal?: AbortSignal } = {}): Promise<LoginReply> {
      requireFields("koyeb", body, ["email", "password"]);
      const params = opts.seonFp === undefined ? {} : { header: { "seon-fp": opts.seonFp } };
      return adopt(await api.ops.login({ body, params, signal: opts.signal }));
    },
    /** PUT /v1/account/refresh: a new token for the current one. */
    async refreshToken(): Promise<LoginReply> {
      return adopt(await refreshWith(session.current()?.token));
    },
    /** POST /v1/account/session: a new organization-less session for the current user. */
    async newSession(): Promise<LoginReply> {
      return adopt(await api.ops.newSession());
    },
    /** DELETE /v1/account/logout; the token is forgotten even if the call fails. */
    async logout(): Promise<OperationData<Operations["logout"]>> {
      try {
        return await api.ops.logout();
      } finally {
        session.clear();
      }
    },
  });
}

export type KoyebClient = ReturnType<typeof createKoyebClient>;

/** The credential a login / refresh / new-session reply carries; a reply without one is the server's fault. */
function toGrant(reply: LoginReply): TokenAuth {
  const token = reply?.token?.id;
  if (typeof token !== "string" || token.length === 0) {
    throw new AuthProtocolError(
      "login",
      "[@sessionkit/koyeb] the reply carried no token (token.id is not a non-empty string)",
    );
  }
  const expiresAt = typeof reply.token?.expires_at === "string" ? Date.parse(reply.token.expires_at) : undefined;
  return { token, expiresAt: Number.isFinite(expiresAt) ? expiresAt : undefined };
}
