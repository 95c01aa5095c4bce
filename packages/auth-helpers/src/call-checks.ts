import { ConfigurationError } from "./errors";
import type { OperationRow } from "./operation-table";

// C0 controls and DEL: CR/LF would split the header (request smuggling), the others are never valid in one.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
// fetch only takes header values of Latin-1 code points.
const NOT_LATIN1 = /[^\u0000-\u00ff]/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Refuses header names and values fetch would reject, before anything is sent. fetch's own TypeError quotes
 * the offending value (`Headers.append: "abc\r\n..." is an invalid header value`), and a header the caller
 * passes may be a credential; this error names the header, never its value. `null`/`undefined` values are
 * openapi-fetch's "leave out" and pass.
 */
export function checkHeaderValues(provider: string, where: string, headers: unknown): void {
  if (headers === undefined || headers === null) return;
  const entries =
    headers instanceof Headers
      ? [...headers.entries()]
      : typeof headers === "object"
        ? Object.entries(headers)
        : undefined;
  if (!entries) throw new ConfigurationError(`[@sessionkit/${provider}] ${where}: headers must be an object`);
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name)) {
      throw new ConfigurationError(
        `[@sessionkit/${provider}] ${where}: ${JSON.stringify(name.slice(0, 40))} is not a valid header name`,
      );
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
        throw new TypeError(`[@sessionkit/${provider}] ${where}: header "${name}" must be a string, got ${kind(item)}`);
      }
      const text = String(item);
      if (CONTROL_CHARACTER.test(text)) {
        throw new ConfigurationError(
          `[@sessionkit/${provider}] ${where}: header "${name}" contains a control character (CR, LF, NUL, ...); refusing to send it`,
        );
      }
      if (NOT_LATIN1.test(text)) {
        throw new ConfigurationError(
          `[@sessionkit/${provider}] ${where}: header "${name}" contains characters that cannot be sent in an HTTP header`,
        );
      }
    }
  }
}

/**
 * A JavaScript caller can pass what the types forbid. `null` would go out as the JSON text "null"; a form body
 * that is not an object and a text body that is not a string cannot be encoded. Say so before sending.
 */
export function checkRequestBody(provider: string, id: string, row: OperationRow, init: Record<string, unknown>): void {
  if (!row.body || !("body" in init) || init.body === undefined) return;
  const body = init.body;
  const wrong = (expected: string) =>
    new TypeError(`[@sessionkit/${provider}] ${id}: the body must be ${expected}, got ${kind(body)}`);
  if (row.body === "text") {
    if (typeof body !== "string") throw wrong("a string");
  } else if (row.body === "form") {
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw wrong("an object");
  } else if (body === null || typeof body === "function" || typeof body === "symbol" || typeof body === "bigint") {
    throw wrong("JSON-serialisable (not null)");
  }
}

function kind(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
