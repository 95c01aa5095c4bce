// This file is generated from specs/equisoft.yaml (sha256 3687c10cc2b6af2f) by `pnpm generate`.
// Do not edit it by hand: edit the spec and regenerate.
/** Where equisoft's API lives unless the client is told otherwise (servers[0] of the spec). */
export const defaultBaseUrl = "http://localhost";

/** One row per operationId: how the facade calls it (verb, path, body encoding, whether it is authenticated). */
export const operations = {
  createSession: {"method":"post","path":"/sessions","auth":"none","body":"json"},
  deleteAllSessions: {"method":"delete","path":"/sessions","auth":"none"},
  getSession: {"method":"get","path":"/sessions/{uuid}","auth":"none"},
  deleteSession: {"method":"delete","path":"/sessions/{uuid}","auth":"none"},
  getSessionSsoToken: {"method":"get","path":"/sessions/{uuid}/tokens/{tokenId}","auth":"none"},
  setSessionSsoToken: {"method":"put","path":"/sessions/{uuid}/tokens/{tokenId}","auth":"none","body":"text"},
  deleteSessionSsoToken: {"method":"delete","path":"/sessions/{uuid}/tokens/{tokenId}","auth":"none"},
  enableSession: {"method":"post","path":"/sessions/{uuid}/enable","auth":"none"},
  enableSessionForCrm: {"method":"post","path":"/sessions/{uuid}/enable/crm","auth":"none"},
  impersonate: {"method":"post","path":"/sessions/{uuid}/impersonate","auth":"none","body":"json"},
  revertIdentity: {"method":"post","path":"/sessions/{uuid}/revertIdentity","auth":"none"},
} as const;
