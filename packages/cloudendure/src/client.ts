import {
  type ClientOptions,
  AuthProtocolError,
  MissingCredentialsError,
  cookieSession,
  createApiClient,
  extendClient,
  requireFields,
} from "@sessionkit/auth-helpers";
import { defaultBaseUrl, operations } from "./generated/operations";
import type { components, operations as Operations, paths } from "./generated/schema";

export type LoginInfo = components["schemas"]["InlineObject1"];
export type User = components["schemas"]["User"];
export type CloudEndureClientOptions = ClientOptions;

const provider = "cloudendure";
/** Login alternatives to username + password (InlineObject1); any one of them is enough. */
const TOKEN_FIELDS = ["userApiToken", "loginToken", "agentInstallationToken", "googleOauthCode"] as const;

/**
 * CloudEndure: POST /login answers with a `session` cookie and an `XSRF-TOKEN` cookie; every later call sends the
 * cookies back and echoes the token in `X-XSRF-TOKEN` (this client's own cookie jar does both). A 307 from a call
 * means "this user is served by another endpoint": the call is repeated once at the Location, the client keeps
 * using that endpoint, and the logger is told. 401, 402 and 429 are AuthenticationError, PaymentRequiredError and
 * RateLimitError (with `retryAfterMs` when the server names a wait).
 */
export function createCloudEndureClient(options: CloudEndureClientOptions = {}) {
  const session = cookieSession({ provider, xsrf: { cookie: "XSRF-TOKEN", header: "X-XSRF-TOKEN" } });
  const api = createApiClient<paths, Operations, typeof operations>(
    { provider, defaultBaseUrl, operations, redirects: "rebase" },
    options,
    [session],
  );

  return extendClient(api, {
    /** POST /login: username + password (or an API token); the session cookies it sets are kept for later calls. */
    async loginPost(loginInfo: LoginInfo, opts: { signal?: AbortSignal } = {}): Promise<User> {
      const record = (loginInfo ?? {}) as Record<string, unknown>;
      if (!TOKEN_FIELDS.some((field) => typeof record[field] === "string" && record[field] !== "")) {
        requireFields(provider, loginInfo, ["username", "password"]);
      }
      const user = await api.ops.loginPost({ body: loginInfo, signal: opts.signal });
      // A 200 that set no session cookie leaves nothing to authenticate later calls with: not a login.
      if (!session.has("session", `${api.baseUrl}${operations.logoutPost.path}`)) {
        throw new AuthProtocolError(
          "login",
          `[@sessionkit/${provider}] the login answered 200 but set no session cookie`,
        );
      }
      return user;
    },
    /** POST /logout: invalidates the session; the cookie jar is emptied even if the call fails. */
    async logoutPost(opts: { signal?: AbortSignal } = {}): Promise<void> {
      if (!session.has("session", `${api.baseUrl}${operations.logoutPost.path}`)) {
        throw new MissingCredentialsError(provider, ["session cookie (call loginPost first)"]);
      }
      try {
        await api.ops.logoutPost({ signal: opts.signal });
      } finally {
        session.clear();
      }
    },
  });
}

export type CloudEndureClient = ReturnType<typeof createCloudEndureClient>;
