import { ConfigurationError } from "./errors";
import type { SecretSource } from "./types";

/** Reads a secret at request time; `undefined` when it is absent, not a string, or empty. */
export async function resolveSecret(source: SecretSource | undefined): Promise<string | undefined> {
  const value = typeof source === "function" ? await source() : source;
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

// C0 controls and DEL: CR/LF would split the header (request smuggling), the others are never valid in one.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
// fetch refuses header values above U+00FF with a TypeError of its own; say what is wrong instead.
const NOT_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * Throws a ConfigurationError when `value` cannot be sent as-is. The message names the credential
 * (`what`), never its value.
 */
export function assertSendable(value: string, provider: string, what: string, where: "header" | "query"): void {
  if (CONTROL_CHARACTER.test(value)) {
    throw new ConfigurationError(
      `[@sessionkit/${provider}] ${what} contains a control character (CR, LF, NUL, ...); refusing to send it`,
    );
  }
  if (where === "header" && NOT_LATIN1.test(value)) {
    throw new ConfigurationError(
      `[@sessionkit/${provider}] ${what} contains characters that cannot be sent in an HTTP header`,
    );
  }
}
