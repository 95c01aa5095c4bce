import { jwtDecode } from "jwt-decode";
import { AuthProtocolError } from "./errors";

/** 9999-12-31T23:59:59Z in seconds: anything later is a unit mix-up (ms instead of s) or garbage. */
const MAX_EXP_SECONDS = 253_402_300_799;

/** Three base64url segments (the signature may be empty): the JWS compact form. */
const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** True when `token` has the shape of a JWT, so that its expiry can be read. Says nothing about validity. */
export function looksLikeJwt(token: string): boolean {
  return JWS_COMPACT.test(token);
}

/**
 * The token's `exp` claim in ms since the epoch, or `undefined` when it has none. This only reads the
 * claim to schedule a refresh; it does not verify the signature (the server does that).
 *
 * Throws AuthProtocolError("jwt", ...) for a token that is not a JWT, uses `alg: "none"`, or has an `exp`
 * that is not a sane number of seconds. Messages never contain the token: jwt-decode's own errors quote
 * parts of it, so they are neither passed on nor attached as `cause`.
 */
export function readJwtExpiry(token: string): number | undefined {
  if (typeof token !== "string" || !looksLikeJwt(token)) {
    throw new AuthProtocolError("jwt", "token is not a JWT (expected three base64url parts)");
  }
  const header = decodePart(token, "header");
  const payload = decodePart(token, "payload");

  const alg = header.alg;
  if (typeof alg !== "string" || alg.length === 0) throw new AuthProtocolError("jwt", "token header has no alg");
  if (alg.toLowerCase() === "none") throw new AuthProtocolError("jwt", 'unsigned token (alg "none") refused');

  const exp = payload.exp;
  if (exp === undefined) return undefined;
  if (typeof exp !== "number" || !Number.isFinite(exp)) throw new AuthProtocolError("jwt", "exp claim is not a number");
  if (exp < 0) throw new AuthProtocolError("jwt", "exp claim is negative");
  if (exp > MAX_EXP_SECONDS)
    throw new AuthProtocolError("jwt", "exp claim is out of range (milliseconds instead of seconds?)");
  return Math.floor(exp * 1000);
}

function decodePart(token: string, part: "header" | "payload"): Record<string, unknown> {
  let decoded: unknown;
  try {
    decoded = jwtDecode(token, { header: part === "header" });
  } catch {
    decoded = undefined;
  }
  if (decoded === null || typeof decoded !== "object" || Array.isArray(decoded)) {
    throw new AuthProtocolError("jwt", `token ${part} is not a base64url-encoded JSON object`);
  }
  return decoded as Record<string, unknown>;
}
