// This file is generated from specs/koyeb.yaml (sha256 0ce5154eb83c0e97) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
/** Where koyeb's API lives unless the client is told otherwise (servers[0] of the spec). */
export const defaultBaseUrl = "https://app.koyeb.com";

/** One row per operationId: how the facade calls it (verb, path, body encoding, whether it is authenticated). */
export const operations = {
  login: {"method":"post","path":"/v1/account/login","auth":"optional","security":[["Bearer"]],"body":"json"},
  logout: {"method":"delete","path":"/v1/account/logout","auth":"required","security":[["Bearer"]]},
  newSession: {"method":"post","path":"/v1/account/session","auth":"required","security":[["Bearer"]]},
  refreshToken: {"method":"put","path":"/v1/account/refresh","auth":"required","security":[["Bearer"]]},
} as const;
