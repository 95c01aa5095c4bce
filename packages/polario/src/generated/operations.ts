// This file is generated from specs/polario.yaml (sha256 56d0fd62439c2345) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
/** Where polario's API lives unless the client is told otherwise (servers[0] of the spec). */
export const defaultBaseUrl = "https://custom.polario.de/api";

/** One row per operationId: how the facade calls it (verb, path, body encoding, whether it is authenticated). */
export const operations = {
  authAuthPost: {"method":"post","path":"/auth/auth","auth":"none","body":"json"},
  authLoginPost: {"method":"post","path":"/auth/login","auth":"none","body":"json"},
  authLogoutGet: {"method":"get","path":"/auth/logout","auth":"none"},
  authSessionPost: {"method":"post","path":"/auth/session","auth":"none","body":"json","errors":{"416":"RefreshTokenInvalidError"}},
} as const;
