// This file is generated from specs/voximplant.yaml (sha256 41e3b524d0a07b0f) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
/** Where voximplant's API lives unless the client is told otherwise (servers[0] of the spec). */
export const defaultBaseUrl = "https://api.voximplant.com/platform_api";

/** One row per operationId: how the facade calls it (verb, path, body encoding, whether it is authenticated). */
export const operations = {
  logon: {"method":"post","path":"/Logon","auth":"required","security":[["api_key","account_name"]],"body":"form"},
  logout: {"method":"post","path":"/Logout","auth":"required","security":[["api_key","account_name"],["session_id","account_name"]],"body":"form"},
} as const;
