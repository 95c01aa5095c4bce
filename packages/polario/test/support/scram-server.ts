import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The server half of SCRAM-SHA-256 (RFC 5802 §3) on node:crypto, independent of the client under test: it keeps
 * only StoredKey/ServerKey for one user, checks the client's proof and answers the real ServerSignature.
 */
export function scramServer(user: string, password: string, iterations = 4096) {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, iterations, 32, "sha256");
  const hmac = (key: Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const storedKey = createHash("sha256").update(hmac(salted, "Client Key")).digest();
  const serverKey = hmac(salted, "Server Key");
  const pending = new Map<string, string>();

  return {
    /** POST /auth/auth: `{email, nonce}` → `{nonce, salt, iterationCount, expires}`. */
    first(body: { email: string; nonce: string }) {
      const nonce = body.nonce + randomBytes(12).toString("base64");
      const serverFirst = `r=${nonce},s=${salt.toString("base64")},i=${iterations}`;
      pending.set(nonce, `n=${body.email},r=${body.nonce},${serverFirst}`);
      return { nonce, salt: salt.toString("base64"), iterationCount: iterations, expires: 4102444800 };
    },
    /** POST /auth/login: the ServerSignature when the proof is right, `undefined` otherwise. */
    final(body: { email: string; nonce: string; proof: string }): string | undefined {
      const start = pending.get(body.nonce);
      if (!start || body.email !== user) return undefined;
      const authMessage = `${start},c=biws,r=${body.nonce}`;
      const signature = hmac(storedKey, authMessage);
      const proof = Buffer.from(body.proof, "base64");
      if (proof.length !== signature.length) return undefined;
      const clientKey = Buffer.from(proof.map((b, i) => b ^ signature[i]!));
      if (!timingSafeEqual(createHash("sha256").update(clientKey).digest(), storedKey)) return undefined;
      return hmac(serverKey, authMessage).toString("base64");
    },
  };
}
