import { MissingCredentialsError } from "./errors";

/**
 * Throws one MissingCredentialsError naming every field that is absent or empty, before any request is sent.
 * Also catches JavaScript callers passing something that is not an object at all, and fields of the wrong type:
 * a credential is a string, or a function that reads it when the request is sent (a SecretSource). Anything else
 * (a number, an object) would be sent as "42" or "[object Object]", so it is a TypeError naming the field.
 */
export function requireFields(provider: string, value: unknown, fields: readonly string[]): void {
  const record = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const missing = fields.filter((f) => {
    const v = record[f];
    return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  });
  if (missing.length > 0) throw new MissingCredentialsError(provider, missing);
  for (const field of fields) {
    const v = record[field];
    if (typeof v !== "string" && typeof v !== "function") {
      throw new TypeError(
        `[@sessionkit/${provider}] ${field} must be a string, got ${Array.isArray(v) ? "an array" : typeof v}`,
      );
    }
  }
}
