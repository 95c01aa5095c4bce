import {
  type ClientOptions,
  type OperationData,
  type TokenAuth,
  MissingCredentialsError,
  createApiClient,
  extendClient,
  refreshingToken,
  requireFields,
} from "@sessionkit/auth-helpers";
import { defaultBaseUrl, operations } from "./generated/operations";
import type { components, operations as Operations, paths } from "./generated/schema";
import { type AuthLoginResponse, type PolarioCredentials, type PolarioLoginOptions, scramLogin } from "./scram-login";
import { sessionJwt } from "./session-header";

export type AuthRefreshResponse = components["schemas"]["AuthRefreshResponse"];
/** The login reply plus the session's JWT (which Polario sends in the `Session` response header). */
export type PolarioLogin = AuthLoginResponse & { token: string };
/** The refresh reply plus the new JWT. */
export type PolarioRefresh = AuthRefreshResponse & { token: string };

export interface PolarioClientOptions extends ClientOptions {
  /** A JWT from an earlier login; its `exp` claim says when it is refreshed. Without one, call `login` first. */
  token?: string;
  /** The refresh token from an earlier login; with it (even without `token`) the client can get a new JWT. */
  refreshToken?: string;
  /** Called with every new JWT (login, refresh) and the refresh token, so the caller can persist them. */
  onTokenRefreshed?: (grant: TokenAuth) => void | Promise<void>;
  /**
   * Tests only: a fixed SCRAM client nonce (e.g. RFC 7677's `rOprNGfwEbeRWgbNEkqO`, which the mock's examples
   * use). A real login must keep the random default: a repeated nonce lets a recorded exchange be replayed.
   */
  scramNonce?: string;
}

/** Operations that carry their own credential (SCRAM messages, the refresh token) and never the JWT. */
const WITHOUT_JWT = new Set<string>([
  operations.authAuthPost.path,
  operations.authLoginPost.path,
  operations.authSessionPost.path,
]);

/**
 * Polario: a SCRAM-SHA-256 login (email + password) yields a JWT, sent back in the `Session` request header, and a
 * refresh token; POST /auth/session trades the refresh token for a new JWT (done automatically shortly before the
 * JWT's `exp` and once after a 401; an invalid refresh token is RefreshTokenInvalidError).
 */
export function createPolarioClient(options: PolarioClientOptions = {}) {
  const session = refreshingToken({
    provider: "polario",
    token: options.token,
    refreshToken: options.refreshToken,
    onTokenRefreshed: options.onTokenRefreshed,
    place: (request, token) => request.headers.set("Session", token),
    skipPath: (schemaPath) => WITHOUT_JWT.has(schemaPath),
    refresh: async ({ refreshToken }) => (await exchange(refreshToken)).grant,
  });
  const api = createApiClient<paths, Operations, typeof operations>(
    { provider: "polario", defaultBaseUrl, operations },
    options,
    // The spec marks every operation `security: []` (the JWT is a plain header parameter of logout), so the
    // strategy sees all requests and leaves out the JWT-less ones itself (skipPath).
    [{ ...session, scope: "all" }],
  );

  /** POST /auth/session: a new JWT for the refresh token (which does not rotate). */
  async function exchange(refreshToken: string | undefined, signal?: AbortSignal) {
    if (!refreshToken) throw new MissingCredentialsError("polario", ["refreshToken (call login first)"]);
    const { data, response } = await api.withResponse.authSessionPost({ body: { refreshToken }, signal });
    return { data, grant: { token: sessionJwt(response, "refresh"), refreshToken } };
  }

  /** Keeps a JWT (and refresh token) a reply carried as the session's credential. */
  async function adopt<T extends object>(grant: TokenAuth, reply: T): Promise<T & { token: string }> {
    session.set(grant.token, undefined, grant.refreshToken);
    await options.onTokenRefreshed?.(session.current()!);
    return { ...reply, token: grant.token };
  }

  return extendClient(api, {
    /** The SCRAM exchange (POST /auth/auth, POST /auth/login); resolves only after the server's signature verified. */
    async login(credentials: PolarioCredentials, opts: PolarioLoginOptions = {}): Promise<PolarioLogin> {
      requireFields("polario", credentials, ["email", "password"]);
      const { reply, token } = await scramLogin(api, credentials, { ...opts, nonce: options.scramNonce });
      return adopt({ token, refreshToken: reply.refreshToken || undefined }, reply);
    },
    /** POST /auth/session with the stored refresh token: a new JWT. 416 → RefreshTokenInvalidError (log in again). */
    async authSessionPost(opts: { signal?: AbortSignal } = {}): Promise<PolarioRefresh> {
      const { data, grant } = await exchange(session.refreshToken(), opts.signal);
      return adopt(grant, data);
    },
    /** GET /auth/logout with the JWT in the `Session` header; the session is forgotten even if the call fails. */
    async authLogoutGet(opts: { signal?: AbortSignal } = {}): Promise<OperationData<Operations["authLogoutGet"]>> {
      const token = session.current()?.token;
      if (!token && !session.refreshToken()) throw new MissingCredentialsError("polario", ["token (call login first)"]);
      try {
        // The strategy puts the JWT in place (refreshed first if it has expired); this only satisfies the types.
        return await api.ops.authLogoutGet({ params: { header: { Session: token ?? "" } }, signal: opts.signal });
      } finally {
        session.clear();
      }
    },
    /** True while the client holds a session (a JWT, or a refresh token to get one). */
    get loggedIn() {
      return session.current() !== undefined || session.refreshToken() !== undefined;
    },
  });
}

export type PolarioClient = ReturnType<typeof createPolarioClient>;
