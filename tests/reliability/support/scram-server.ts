/**
 * The server side of SCRAM-SHA-256 (RFC 5802 / 7677) for the fake Polario, on node:crypto, so that the client's
 * proof is really checked and its verification of our signature is really exercised. Deterministic (fixed salt and
 * server nonce) so that the proof a test login sends is known in advance and can be searched for in leak checks.
 */
import { createHash, createHmac, pbkdf2Sync, timingSafeEqual } from "node:crypto";

export interface ScramUser {
  username: string;
  password: string;
  salt: string; // base64
  iterations: number;
}

export interface ScramServerFirst {
  nonce: string;
  salt: string;
  iterationCount: number;
}

const SERVER_NONCE_SUFFIX = "3rfcNHYJY1ZVvWVs7j";

export function scramServer(user: ScramUser) {
  const salted = pbkdf2Sync(user.password, Buffer.from(user.salt, "base64"), user.iterations, 32, "sha256");
  const hmac = (key: Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const clientKey = hmac(salted, "Client Key");
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = hmac(salted, "Server Key");
  const escapeName = (name: string) => name.replace(/=/g, "=3D").replace(/,/g, "=2C");

  function authMessage(clientNonce: string, first: ScramServerFirst): string {
    const bare = `n=${escapeName(user.username)},r=${clientNonce}`;
    return `${bare},r=${first.nonce},s=${first.salt},i=${first.iterationCount},c=biws,r=${first.nonce}`;
  }

  return {
    first(clientNonce: string): ScramServerFirst {
      return { nonce: `${clientNonce}${SERVER_NONCE_SUFFIX}`, salt: user.salt, iterationCount: user.iterations };
    },
    /** The proof an honest client sends for this exchange (what the server expects). */
    expectedProof(clientNonce: string): string {
      const signature = hmac(storedKey, authMessage(clientNonce, this.first(clientNonce)));
      return Buffer.from(clientKey.map((b, i) => b ^ signature[i]!)).toString("base64");
    },
    /** Checks a proof; returns the server signature (the `v=` value) or undefined. */
    verify(clientNonce: string, combinedNonce: string, proof: string): string | undefined {
      const first = this.first(clientNonce);
      if (combinedNonce !== first.nonce) return undefined;
      const message = authMessage(clientNonce, first);
      const signature = hmac(storedKey, message);
      const given = Buffer.from(proof, "base64");
      if (given.length !== signature.length) return undefined;
      const key = Buffer.from(given.map((b, i) => b ^ signature[i]!));
      if (!timingSafeEqual(createHash("sha256").update(key).digest(), storedKey)) return undefined;
      return hmac(serverKey, message).toString("base64");
    },
    /** A signature that is well-formed base64 but wrong. */
    wrongSignature(): string {
      return hmac(serverKey, "not the auth message").toString("base64");
    },
  };
}

/** Strips the server suffix from a combined nonce. */
export function clientNonceOf(combined: string): string {
  return combined.endsWith(SERVER_NONCE_SUFFIX) ? combined.slice(0, -SERVER_NONCE_SUFFIX.length) : combined;
}
