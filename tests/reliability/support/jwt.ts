/** JWTs for the fake vendors: HS256-signed with a test key, or deliberately broken. */
import { createHmac } from "node:crypto";

const TEST_KEY = "reliability-suite-signing-key";

function b64url(value: unknown): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
}

export function signedJwt(payload: Record<string, unknown>): string {
  const head = `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url(payload)}`;
  return `${head}.${createHmac("sha256", TEST_KEY).update(head).digest("base64url")}`;
}

/** An unsigned token (`alg: "none"`, empty signature), the classic forgery. */
export function unsignedJwt(payload: Record<string, unknown>): string {
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url(payload)}.`;
}

/** Seconds since the epoch, `offsetSeconds` from now. */
export function epoch(offsetSeconds: number): number {
  return Math.floor(Date.now() / 1000) + offsetSeconds;
}
