// Client core: the one place every provider package shares.
export {
  createApiClient,
  type ApiClient,
  type ClientOptions,
  type Logger,
  type ProviderDefinition,
} from "./create-client";
export type {
  Facade,
  FacadeWithResponse,
  OperationData,
  OperationErrorBody,
  OperationInit,
  OperationRow,
  OperationTable,
} from "./operation-table";
export { createRetryFetch, type RetryOptions } from "./retry-fetch";
export { extendClient, type ProviderClient } from "./extend-client";
export { requireFields } from "./require-fields";

// Auth strategies: one module each.
export type { AuthStrategy, SecretSource } from "./types";
export { bearer, type BearerOptions } from "./bearer";
export { apiKeys, type ApiKeysOptions } from "./api-key";
export { cookieSession, type CookieSession, type CookieSessionOptions } from "./cookie-session";
export { refreshingToken, type RefreshingToken, type RefreshingTokenOptions, type TokenAuth } from "./refreshing-token";
export { createScramClient } from "./scram";
export { readJwtExpiry } from "./jwt";

// Errors and redaction.
export * from "./errors";
export { redactBody, redactHeaders, redactText, redactUrl } from "./redact";
export { REDACTED, Secret } from "./secret";
