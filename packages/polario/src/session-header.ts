import { AuthProtocolError } from "@sessionkit/auth-helpers";

/**
 * Polario hands out the session's JWT in the `Session` response header (login and refresh alike), never in the
 * body. A 2xx without it is a protocol failure, not an empty token.
 */
export function sessionJwt(response: Response, step: "login" | "refresh"): string {
  const token = response.headers.get("Session");
  if (!token) throw new AuthProtocolError("jwt", `the ${step} response carried no JWT in its Session header`);
  return token;
}
