export {
  createPolarioClient,
  type AuthRefreshResponse,
  type PolarioClient,
  type PolarioClientOptions,
  type PolarioLogin,
  type PolarioRefresh,
} from "./client";
export type { AuthLoginRequest, AuthLoginResponse, PolarioCredentials, PolarioLoginOptions } from "./scram-login";
export type { components, operations, paths } from "./generated/schema";
export * from "@sessionkit/auth-helpers/errors";
