import { AuthProtocolError, MissingCredentialsError } from "./errors";
import { type Saslprep, loadSaslprep } from "./sasl-prep";

export type ScramHash = "SHA-256" | "SHA-1";

export interface ScramClientOptions {
  username: string;
  password: string;
  hash: ScramHash;
  /** Client nonce; random (18 bytes, base64) unless a test injects one. Printable ASCII without ",". */
  nonce?: string;
  /** Lowest iteration count accepted from the server (refuses downgrades). Default 4096 (RFC 7677 §4). */
  minIterations?: number;
  /** Highest iteration count accepted (a hostile server could otherwise burn CPU). Default 10 000 000. */
  maxIterations?: number;
  /** Names the provider in MissingCredentialsError. */
  provider?: string;
}

export interface ScramClient {
  /** "SCRAM-SHA-256" or "SCRAM-SHA-1", as sent in the SASL mechanism name. */
  readonly mechanism: string;
  /** The client-first-message, `n,,n=<user>,r=<nonce>`. */
  clientFirst(): Promise<string>;
  /** Checks the server-first-message and returns the client-final-message with the proof. */
  clientFinal(serverFirst: string): Promise<string>;
  /** Checks the server-final-message: resolves only when the server proved it knows the password. */
  verifyServerFinal(serverFinal: string): Promise<void>;
}

type State = "start" | "preparing" | "first-sent" | "computing" | "final-sent" | "done" | "failed";

// GS2 header for "no channel binding, client does not support it"; base64 of it is the c= value.
const GS2_HEADER = "n,,";
const CHANNEL_BINDING = "biws"; // base64("n,,")
const PRINTABLE_NO_COMMA = /^[\x21-\x2b\x2d-\x7e]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ITERATIONS = /^[1-9][0-9]*$/;
// Attribute letters RFC 5802 §5.1 reserves: as extensions in a server message they are a protocol error.
const RESERVED_ATTRIBUTES = new Set(["a", "n", "m", "r", "c", "s", "i", "p", "v", "e"]);
/** Bytes backed by a plain ArrayBuffer, which is what WebCrypto's BufferSource accepts. */
type Bytes = Uint8Array<ArrayBuffer>;

function utf8(text: string): Bytes {
  return new Uint8Array(new TextEncoder().encode(text));
}

const KEY_BYTES: Record<ScramHash, number> = { "SHA-256": 32, "SHA-1": 20 };

/**
 * SCRAM client (RFC 5802 SCRAM-SHA-1, RFC 7677 SCRAM-SHA-256) on WebCrypto, so it runs on Node, Bun, Deno
 * and browsers. An explicit state machine after node-postgres `sasl.js`: clientFirst → clientFinal →
 * verifyServerFinal, each once and in order; any failure leaves the client unusable. Channel binding is
 * not offered (GS2 header `n,,`). Every protocol failure is an AuthProtocolError("scram", ...); messages
 * never contain the password, the proof or the salted key.
 *
 * A user name or password with a character SASLprep prohibits is refused here when the character is ASCII (a
 * control character), and by `clientFinal`, before any proof is computed, when it is not: only non-ASCII input
 * needs SASLprep's tables, which are imported then (sasl-prep.ts).
 */
export function createScramClient(options: ScramClientOptions): ScramClient {
  const provider = options.provider ?? "auth-helpers";
  const missing = [
    ...(typeof options.username === "string" && options.username.length > 0 ? [] : ["username"]),
    ...(typeof options.password === "string" && options.password.length > 0 ? [] : ["password"]),
  ];
  if (missing.length > 0) throw new MissingCredentialsError(provider, missing);
  const hash = options.hash;
  if (hash !== "SHA-256" && hash !== "SHA-1") throw fail(`unsupported hash (use "SHA-256" or "SHA-1")`);
  const minIterations = options.minIterations ?? 4096;
  const maxIterations = options.maxIterations ?? 10_000_000;

  // RFC 5802 §5.1: the user name is a SASLprep "query" string (unassigned code points allowed), the
  // password a "stored" string (they are not). Both are prepared in clientFirst, before anything is sent.
  const rawUsername = options.username;
  let password: string | undefined = options.password;
  const nonce = options.nonce ?? randomNonce();
  if (!PRINTABLE_NO_COMMA.test(nonce)) throw fail("the client nonce must be printable ASCII without commas");

  let clientFirstBare = "";
  let state: State = "start";
  let expectedServerSignature: Bytes | undefined;

  function step<T>(from: State, to: State, run: () => T): T {
    if (state !== from)
      throw fail(state === "failed" ? "the exchange already failed" : `out of order (state ${state})`);
    state = to;
    try {
      return run();
    } catch (error) {
      state = "failed";
      throw error;
    }
  }

  return {
    mechanism: `SCRAM-${hash}`,

    async clientFirst() {
      step("start", "preparing", () => undefined);
      try {
        const saslprep = await loadSaslprep().catch(() => {
          throw fail("SASLprep (@mongodb-js/saslprep) could not be loaded");
        });
        const username = prepare(saslprep, rawUsername, true, "username");
        password = prepare(saslprep, password!, false, "password");
        clientFirstBare = `n=${escapeUsername(username)},r=${nonce}`;
        state = "first-sent";
        return `${GS2_HEADER}${clientFirstBare}`;
      } catch (error) {
        state = "failed";
        throw error;
      }
    },

    async clientFinal(serverFirst) {
      const parsed = step("first-sent", "computing", () =>
        parseServerFirst(serverFirst, nonce, minIterations, maxIterations),
      );
      try {
        const subtle = webCrypto();
        const withoutProof = `c=${CHANNEL_BINDING},r=${parsed.nonce}`;
        const authMessage = utf8(`${clientFirstBare},${serverFirst},${withoutProof}`);
        const prepared = utf8(password!);
        const salted = await pbkdf2(subtle, hash, prepared, parsed.salt, parsed.iterations);
        password = undefined; // not needed again; do not keep it around longer than necessary
        const clientKey = await hmac(subtle, hash, salted, "Client Key");
        const storedKey = new Uint8Array(await subtle.digest(hash, clientKey));
        const clientSignature = await hmac(subtle, hash, storedKey, authMessage);
        const serverKey = await hmac(subtle, hash, salted, "Server Key");
        expectedServerSignature = await hmac(subtle, hash, serverKey, authMessage);
        const proof = clientKey.map((byte, i) => byte ^ clientSignature[i]!);
        state = "final-sent";
        return `${withoutProof},p=${toBase64(proof)}`;
      } catch (error) {
        state = "failed";
        throw error instanceof AuthProtocolError ? error : fail("computing the client proof failed");
      }
    },

    async verifyServerFinal(serverFinal) {
      step("final-sent", "done", () => {
        const signature = parseServerFinal(serverFinal);
        if (!constantTimeEqual(signature, expectedServerSignature!)) {
          throw fail("server signature does not match: the server could not prove it knows the password");
        }
      });
    },
  };
}

interface ServerFirst {
  nonce: string;
  salt: Bytes;
  iterations: number;
}

function parseServerFirst(message: unknown, clientNonce: string, min: number, max: number): ServerFirst {
  if (typeof message !== "string") throw fail("server-first-message is not a string");
  const attributes = splitAttributes(message, "server-first-message");
  const first = attributes[0]!;
  if (first.name === "e") throw serverError(first.value);
  if (first.name === "m") throw fail("server requires an extension this client does not support (m=)");
  const [r, s, i, ...extensions] = attributes;
  if (r?.name !== "r" || s?.name !== "s" || i?.name !== "i") {
    throw fail("server-first-message must be r=<nonce>,s=<salt>,i=<iterations>");
  }
  for (const extension of extensions) {
    if (extension.name === "c" || extension.name === "p")
      throw fail("server sent channel-binding data this client did not ask for");
    if (RESERVED_ATTRIBUTES.has(extension.name)) throw fail(`unexpected "${extension.name}=" in server-first-message`);
  }
  if (!PRINTABLE_NO_COMMA.test(r.value)) throw fail("server nonce has characters outside printable ASCII");
  if (!r.value.startsWith(clientNonce) || r.value.length === clientNonce.length) {
    throw fail("server nonce must extend the client nonce");
  }
  if (!isCanonicalBase64(s.value)) throw fail("salt is not base64");
  if (!ITERATIONS.test(i.value)) throw fail("iteration count is not a positive integer");
  const iterations = Number(i.value);
  if (iterations < min) throw fail(`iteration count below the minimum of ${min} (downgrade refused)`);
  if (iterations > max) throw fail(`iteration count above the maximum of ${max}`);
  return { nonce: r.value, salt: fromBase64(s.value), iterations };
}

function parseServerFinal(message: unknown): Bytes {
  if (typeof message !== "string") throw fail("server-final-message is not a string");
  const [first, ...extensions] = splitAttributes(message, "server-final-message");
  if (first!.name === "e") throw serverError(first!.value);
  if (first!.name !== "v") throw fail("server-final-message must be v=<signature> or e=<error>");
  for (const extension of extensions) {
    if (RESERVED_ATTRIBUTES.has(extension.name)) throw fail(`unexpected "${extension.name}=" in server-final-message`);
  }
  if (!isCanonicalBase64(first!.value)) throw fail("server signature is not base64");
  return fromBase64(first!.value);
}

/** `a=1,b=2` → attributes; each must be one ASCII letter, "=", and a value without commas. */
function splitAttributes(message: string, what: string): { name: string; value: string }[] {
  if (message.length === 0) throw fail(`${what} is empty`);
  if (message.length > 4096) throw fail(`${what} is too long`);
  return message.split(",").map((part) => {
    if (!/^[A-Za-z]=/.test(part)) throw fail(`${what} is not a list of attribute=value pairs`);
    return { name: part[0]!, value: part.slice(2) };
  });
}

/** The server-error-value list of RFC 5802 §7. Anything else is not quoted: a server could echo input. */
const SERVER_ERRORS = new Set([
  "invalid-encoding",
  "extensions-not-supported",
  "invalid-proof",
  "channel-bindings-dont-match",
  "server-does-support-channel-binding",
  "channel-binding-not-supported",
  "unsupported-channel-binding-type",
  "unknown-user",
  "invalid-username-encoding",
  "no-resources",
  "other-error",
]);

function serverError(value: string): AuthProtocolError {
  const reason = SERVER_ERRORS.has(value) ? value : "unrecognised error";
  return fail(`server rejected the authentication: ${reason}`);
}

function fail(message: string): AuthProtocolError {
  return new AuthProtocolError("scram", message);
}

/** SASLprep of a user name or password; a string it refuses is an AuthProtocolError naming which one. */
function prepare(saslprep: Saslprep, value: string, allowUnassigned: boolean, what: string): string {
  try {
    return saslprep(value, { allowUnassigned });
  } catch {
    throw prohibited(what);
  }
}

function prohibited(what: string): AuthProtocolError {
  return fail(`the ${what} contains characters SASLprep (RFC 4013) prohibits`);
}

/** RFC 5802 §5.1: "," and "=" in the user name become "=2C" and "=3D". */
export function escapeUsername(username: string): string {
  return username.replace(/=/g, "=3D").replace(/,/g, "=2C");
}

function webCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw fail("WebCrypto (crypto.subtle) is not available in this runtime");
  return subtle;
}

function randomNonce(): string {
  const bytes = new Uint8Array(18);
  webCrypto(); // fail early, with our error, when there is no WebCrypto
  globalThis.crypto.getRandomValues(bytes);
  return toBase64(bytes);
}

/** Hi() of RFC 5802: PBKDF2 with HMAC-<hash>, output as long as the hash. */
async function pbkdf2(
  subtle: SubtleCrypto,
  hash: ScramHash,
  password: Bytes,
  salt: Bytes,
  iterations: number,
): Promise<Bytes> {
  const key = await subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
  const bits = await subtle.deriveBits({ name: "PBKDF2", hash, salt, iterations }, key, KEY_BYTES[hash] * 8);
  return new Uint8Array(bits);
}

async function hmac(subtle: SubtleCrypto, hash: ScramHash, key: Bytes, data: string | Bytes): Promise<Bytes> {
  const hmacKey = await subtle.importKey("raw", key, { name: "HMAC", hash }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", hmacKey, typeof data === "string" ? utf8(data) : data));
}

/** Compares without an early exit, so the time taken does not reveal how many leading bytes matched. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

// atob/btoa exist on every runtime we target; Buffer does not.
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Non-empty, padded base64 whose unused bits are zero: one spelling per value, so nothing malleable passes. */
function isCanonicalBase64(text: string): boolean {
  return text.length > 0 && BASE64.test(text) && toBase64(fromBase64(text)) === text;
}

function fromBase64(text: string): Bytes {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
