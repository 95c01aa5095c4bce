import { MissingCredentialsError } from "./errors";

/**
 * Throws one MissingCredentialsError naming every field that is absent or empty, before any request is sent.
 * Also catches JavaScript callers passing something that is not an object at all.
 */
export function requireFields(provider: string, value: unknown, fields: readonly string[]): void {
  const record = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const missing = fields.filter((f) => {
    const v = record[f];
    return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  });
  if (missing.length > 0) throw new MissingCredentialsError(provider, missing);
}
