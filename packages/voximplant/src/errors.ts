import { ApiError, type ApiErrorInit, redactText, redactUrl } from "@sessionkit/auth-helpers";
import type { components } from "./generated/schema";

/** The `error` object of a failed Platform API call (`APIError` in the spec). */
export type VoximplantErrorDetail = components["schemas"]["APIError"];

/**
 * A failed Platform API call. Voximplant answers these with HTTP 200 and `{ error: { code, msg } }` instead of the
 * method's result, so `status` is usually 200: branch on `code` (100 "Authorization failed", 161 "The 'session_id'
 * parameter is invalid", ...), as Voximplant's own SDKs do.
 */
export class VoximplantError extends ApiError<{ error: VoximplantErrorDetail }> {
  override name = "VoximplantError";
  /** Voximplant's error code; `undefined` only if the server broke its own error format. */
  readonly code: number | undefined;
  readonly msg: string;

  constructor(init: ApiErrorInit<{ error: VoximplantErrorDetail }>) {
    const { code, msg } = init.body.error;
    const text = typeof msg === "string" && msg !== "" ? msg : "no message";
    super(init, `[@sessionkit/voximplant] error ${code ?? "?"}: ${text} (${init.method} ${redactUrl(init.url)})`);
    this.code = typeof code === "number" ? code : undefined;
    // The server's text may echo what the request carried (api_key, session_id); mask it as the message is.
    this.msg = redactText(text, init.secrets ?? []);
  }

  /** createApiClient's `errorInBody` hook: a 2xx body carrying `error` is this error, anything else is data. */
  static fromBody(init: ApiErrorInit): VoximplantError | undefined {
    const body = init.body as { error?: unknown } | null | undefined;
    if (!body || typeof body !== "object" || !body.error || typeof body.error !== "object") return undefined;
    return new VoximplantError(init as ApiErrorInit<{ error: VoximplantErrorDetail }>);
  }
}
