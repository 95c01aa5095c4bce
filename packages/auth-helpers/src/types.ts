import type { Middleware } from "openapi-fetch";

/** A secret, or a (sync or async) function that reads it from a store at request time. */
export type SecretSource = string | (() => string | undefined | Promise<string | undefined>);

/**
 * An auth strategy is an openapi-fetch middleware (it places the credential on each request) plus a
 * `describe()` that says what it carries without revealing it. The shape follows octokit's auth
 * strategies: one small module per strategy, no request of its own unless its job is to refresh.
 */
export type AuthStrategy = Middleware & {
  /** Short name for messages: "bearer", "apiKey", "cookieSession", ... */
  readonly kind: string;
  /**
   * Which requests the client lets it touch. "secured" (default): only operations whose spec `security` asks
   * for a credential. "all": every request, e.g. a cookie jar, which (like a browser's) sends what the origin set.
   */
  readonly scope?: "secured" | "all";
};
