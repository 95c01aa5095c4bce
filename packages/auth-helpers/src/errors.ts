import { redactBody, redactHeaders, redactText, redactUrl, scrubSecrets } from "./redact";

/** Base class of every error sessionkit throws; `instanceof SessionkitError` catches them all. */
export class SessionkitError extends Error {
  override name = "SessionkitError";
}

/** The client was called without credentials it needs; thrown before any network call. */
export class MissingCredentialsError extends SessionkitError {
  override name = "MissingCredentialsError";
  constructor(
    readonly provider: string,
    readonly missing: readonly string[],
  ) {
    super(`[@sessionkit/${provider}] missing credentials: ${missing.join(", ")}`);
  }
}

/** Options or arguments that can never work (a baseUrl that is not http(s), CR/LF in a header value, ...). */
export class ConfigurationError extends SessionkitError {
  override name = "ConfigurationError";
}

/** A credential exchange failed on the client side: bad SCRAM message, unparsable JWT, foreign cookie. */
export class AuthProtocolError extends SessionkitError {
  override name = "AuthProtocolError";
  constructor(
    readonly protocol: "scram" | "jwt" | "cookie" | "refresh" | "login",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[${protocol}] ${message}`, options);
  }
}

export interface ApiErrorInit<TBody = unknown> {
  provider: string;
  status: number;
  body: TBody;
  headers: Headers;
  method: string;
  url: string;
  requestIdHeader?: string;
  /**
   * Credentials the request carried (see requestSecrets). A server may echo them back (a debug page, "invalid
   * token xyz"); they are masked wherever the error repeats what the server sent: message, body, headers.
   */
  secrets?: readonly string[];
}

/**
 * A response with a status the operation treats as an error. `body` is the parsed (and typed, through
 * the facade) error body with secret fields masked; `headers` and `url` are redacted copies.
 */
export class ApiError<TBody = unknown> extends SessionkitError {
  override name = "ApiError";
  readonly provider: string;
  readonly status: number;
  readonly body: TBody;
  readonly headers: Record<string, string>;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly url: string;

  constructor(init: ApiErrorInit<TBody>, message?: string) {
    const secrets = init.secrets ?? [];
    super(redactText(message ?? makeMessage(init), secrets));
    this.provider = init.provider;
    this.status = init.status;
    this.body = scrubSecrets(redactBody(init.body), secrets) as TBody;
    this.headers = scrubSecrets(redactHeaders(init.headers), secrets) as Record<string, string>;
    this.requestId = readRequestId(init.headers, init.requestIdHeader);
    this.method = init.method;
    this.url = redactText(redactUrl(init.url), secrets);
  }

  /** Builds the subclass people branch on for this status. */
  static from<TBody>(init: ApiErrorInit<TBody>): ApiError<TBody> {
    const Subclass = init.status >= 500 ? InternalServerError : (STATUS_CLASSES[init.status] ?? ApiError);
    return new Subclass(init) as ApiError<TBody>;
  }
}

export class BadRequestError<T = unknown> extends ApiError<T> {
  override name = "BadRequestError";
}
export class AuthenticationError<T = unknown> extends ApiError<T> {
  override name = "AuthenticationError";
}
export class PaymentRequiredError<T = unknown> extends ApiError<T> {
  override name = "PaymentRequiredError";
}
export class PermissionDeniedError<T = unknown> extends ApiError<T> {
  override name = "PermissionDeniedError";
}
export class NotFoundError<T = unknown> extends ApiError<T> {
  override name = "NotFoundError";
}
export class ConflictError<T = unknown> extends ApiError<T> {
  override name = "ConflictError";
}
export class RangeNotSatisfiableError<T = unknown> extends ApiError<T> {
  override name = "RangeNotSatisfiableError";
}
/** A refresh token the server no longer accepts (Polario answers 416; the spec maps it with x-sessionkit-error). */
export class RefreshTokenInvalidError<T = unknown> extends RangeNotSatisfiableError<T> {
  override name = "RefreshTokenInvalidError";
}
export class UnprocessableEntityError<T = unknown> extends ApiError<T> {
  override name = "UnprocessableEntityError";
}
export class RateLimitError<T = unknown> extends ApiError<T> {
  override name = "RateLimitError";
  /** From `Retry-After` (seconds or HTTP date), when the server sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(init: ApiErrorInit<T>) {
    super(init);
    this.retryAfterMs = parseRetryAfter(init.headers);
  }
}
export class InternalServerError<T = unknown> extends ApiError<T> {
  override name = "InternalServerError";
}

/** A 3xx the client did not follow (CloudEndure's 307 "use another endpoint" beyond the one it follows). */
export class RedirectError<T = unknown> extends ApiError<T> {
  override name = "RedirectError";
}

const STATUS_CLASSES: Record<number, new (init: ApiErrorInit<any>) => ApiError<any>> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  416: RangeNotSatisfiableError,
  422: UnprocessableEntityError,
  429: RateLimitError,
  301: RedirectError,
  302: RedirectError,
  303: RedirectError,
  307: RedirectError,
  308: RedirectError,
};

/** Error classes a spec may name per response with `x-sessionkit-error`. */
export const ERROR_CLASSES: Record<string, new (init: ApiErrorInit<any>) => ApiError<any>> = {
  RefreshTokenInvalidError,
  AuthenticationError,
  PaymentRequiredError,
  RateLimitError,
  RedirectError,
};

/** The request never got a response: DNS, refused or reset connection, TLS. */
export class ApiConnectionError extends SessionkitError {
  override name = "ApiConnectionError";
  constructor(message = "Connection error.", options?: { cause?: unknown }) {
    super(message, options);
  }
}
/** No response within `timeoutMs` (per attempt), after the retries ran out. */
export class ApiTimeoutError extends ApiConnectionError {
  override name = "ApiTimeoutError";
  constructor(message = "Request timed out.") {
    super(message);
  }
}
/** The caller's AbortSignal fired. */
export class ApiUserAbortError extends SessionkitError {
  override name = "ApiUserAbortError";
  constructor(message = "Request was aborted.") {
    super(message);
  }
}

/**
 * The server answered, but not with anything the client can use: a 2xx body that is not JSON (a truncated
 * document, an HTML portal page), a body over the size limit, a status outside HTTP's range. Not retried: asking
 * again would most likely get the same answer. The message names the problem and the content type; it never
 * quotes the body, which may echo what the request carried.
 */
export class ApiResponseError extends SessionkitError {
  override name = "ApiResponseError";
  readonly status: number;
  readonly contentType: string | undefined;
  readonly method: string;
  readonly url: string;
  constructor(init: {
    provider?: string;
    status: number;
    contentType?: string | null;
    method: string;
    url: string;
    problem: string;
  }) {
    const where = `${init.method} ${redactUrl(init.url)}`;
    super(
      `${init.provider ? `[@sessionkit/${init.provider}] ` : ""}unusable ${init.status} response: ${init.problem} (${where})`,
    );
    this.status = init.status;
    this.contentType = init.contentType ?? undefined;
    this.method = init.method;
    this.url = redactUrl(init.url);
  }
}

/** Milliseconds to wait from `retry-after-ms` or `retry-after` (seconds or HTTP date), if present and sane. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get("retry-after");
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (raw.trim() !== "" && Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"];

function readRequestId(headers: Headers, preferred?: string): string | undefined {
  for (const name of preferred ? [preferred, ...REQUEST_ID_HEADERS] : REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

function makeMessage(init: ApiErrorInit<unknown>): string {
  const body: unknown = init.body;
  let detail: unknown;
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    detail = [b.message, b.msg, b.error, b.detail, b.title].find((v) => typeof v === "string" && v.length > 0);
  } else if (typeof body === "string" && body.length > 0 && body.length < 300) {
    detail = body;
  }
  const where = `${init.method} ${redactUrl(init.url)}`;
  return `[@sessionkit/${init.provider}] ${init.status} ${detail ?? "status code (no message)"} (${where})`;
}
