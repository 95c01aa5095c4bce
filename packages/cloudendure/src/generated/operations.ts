// This file is generated from specs/cloudendure.yaml (sha256 e9c7f4d733280594) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
/** Where cloudendure's API lives unless the client is told otherwise (servers[0] of the spec). */
export const defaultBaseUrl = "https://console.cloudendure.com/api/latest";

/** One row per operationId: how the facade calls it (verb, path, body encoding, whether it is authenticated). */
export const operations = {
  loginPost: {"method":"post","path":"/login","auth":"none","body":"json"},
  logoutPost: {"method":"post","path":"/logout","auth":"none"},
} as const;
