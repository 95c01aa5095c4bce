import type { OperationRow } from "./operation-table";

const FORM = "application/x-www-form-urlencoded";

/**
 * Per-call openapi-fetch options that make the wire body match the spec's media type. openapi-fetch only
 * form-encodes when Content-Type is exactly `application/x-www-form-urlencoded`, JSON-stringifies text bodies
 * (adding quotes), and turns `undefined` form values into the string "undefined" (tooling.md §3.3).
 */
export function bodyEncoding(
  kind: OperationRow["body"],
): { headers: Record<string, string>; bodySerializer: (body: unknown) => string } | undefined {
  if (kind === "form") return { headers: { "Content-Type": FORM }, bodySerializer: encodeForm };
  if (kind === "text") return { headers: { "Content-Type": "text/plain" }, bodySerializer: encodeText };
  return undefined;
}

function encodeForm(body: unknown): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) form.append(key, String(item));
    else form.append(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  return form.toString();
}

function encodeText(body: unknown): string {
  if (typeof body !== "string") throw new TypeError(`a text/plain body must be a string, got ${typeof body}`);
  return body;
}
