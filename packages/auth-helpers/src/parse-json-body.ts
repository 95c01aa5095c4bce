import { ApiResponseError } from "./errors";
import type { OperationRow } from "./operation-table";

/**
 * The data of a 2xx response, parsed here rather than by openapi-fetch: its `JSON.parse` error would escape as
 * a bare SyntaxError, and Node's message quotes the body (which may hold a token). An empty body is `undefined`.
 * A mislabelled but valid JSON body is accepted (real servers send `text/plain` JSON); anything else, an HTML
 * portal page or a truncated document, is an ApiResponseError naming the content type.
 */
export function parseJsonBody(provider: string, row: OperationRow, text: unknown, response: Response): unknown {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const contentType = response.headers.get("content-type");
    const declared = contentType?.split(";")[0]?.trim().toLowerCase();
    const problem =
      declared && !/^application\/([\w.-]+\+)?json$/.test(declared)
        ? `expected a JSON body, got ${declared}`
        : "the body is not valid JSON";
    throw new ApiResponseError({
      provider,
      status: response.status,
      contentType,
      method: row.method.toUpperCase(),
      url: response.url || row.path,
      problem,
    });
  }
}
