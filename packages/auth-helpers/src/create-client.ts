import createClient, { type Client, type Middleware, defaultBodySerializer } from "openapi-fetch";
import { bodyEncoding } from "./body-encoding";
import { checkHeaderValues, checkRequestBody } from "./call-checks";
import { copyRequest } from "./copy-request";
import {
  ApiConnectionError,
  ApiError,
  type ApiErrorInit,
  ConfigurationError,
  ERROR_CLASSES,
  MissingCredentialsError,
  RedirectError,
} from "./errors";
import type { Facade, FacadeWithResponse, OperationRow, OperationTable } from "./operation-table";
import { holdBody } from "./held-body";
import { parseJsonBody } from "./parse-json-body";
import { redactText } from "./redact";
import { requestSecrets, sentRequestOf } from "./request-secrets";
import { type FetchLike, type RetryOptions, createRetryFetch } from "./retry-fetch";
import { inspectCustom } from "./secret";
import type { AuthStrategy } from "./types";

export interface Logger {
  warn(message: string): void;
  debug?(message: string): void;
}

/** The options every provider client accepts. */
export interface ClientOptions {
  /** Defaults to the vendor's real server; point it at the mock (`pnpm mock`) for local work. */
  baseUrl?: string;
  /** A fetch implementation (tests inject one); defaults to the global fetch. */
  fetch?: FetchLike;
  /** Per attempt, until the whole response has arrived. Default 60 000 ms. */
  timeoutMs?: number;
  /** Largest response body accepted (bytes); a longer one is an ApiResponseError. Default 8 MiB. */
  maxResponseBytes?: number;
  /** Bounded retries with backoff for idempotent requests on 429/503 and connection errors; `false` turns them off. */
  retry?: RetryOptions | false;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Receives warnings (an endpoint moved); defaults to console.warn. Never sees secrets. */
  logger?: Logger;
}

export interface ProviderDefinition<Table extends OperationTable> {
  provider: string;
  defaultBaseUrl: string;
  operations: Table;
  /** Response header carrying the vendor's request id, if it has one. */
  requestIdHeader?: string;
  /**
   * "rebase": a 301/302/307/308 answer means "this account lives on another endpoint" (CloudEndure): the call is
   * repeated once there and the client keeps using the new base URL. Otherwise 3xx surfaces as RedirectError.
   */
  redirects?: "rebase" | "error";
  /**
   * For vendors that report failures inside a 2xx body (Voximplant answers HTTP 200 with `error: {code, msg}`):
   * inspects each 2xx response and returns the error to throw instead of returning the body as data. When it finds
   * one it is called again, with the request's credentials to mask in the error, so it must have no side effects.
   */
  errorInBody?: (init: ApiErrorInit) => ApiError | undefined;
}

export interface ApiClient<Paths extends {}, Ops, Table extends OperationTable> {
  readonly provider: string;
  /** The current base URL (it changes after a "rebase" redirect). */
  readonly baseUrl: string;
  /** The throwing, typed facade: one method per operationId. */
  readonly ops: Facade<Ops, Table>;
  /** The same calls resolving to `{ data, response }`. */
  readonly withResponse: FacadeWithResponse<Ops, Table>;
  /** The openapi-fetch client, typed by path, for anything the facade does not cover. Never throws on status. */
  readonly raw: Client<Paths>;
}

/**
 * Builds a provider client from its generated operation table: openapi-fetch underneath (for types and
 * serialisation), the retrying fetch below it, the auth strategies as middleware, and a facade that throws
 * typed ApiErrors. This is the one place every provider package shares.
 */
export function createApiClient<Paths extends {}, Ops, Table extends OperationTable>(
  def: ProviderDefinition<Table>,
  options: ClientOptions = {},
  strategies: readonly AuthStrategy[] = [],
): ApiClient<Paths, Ops, Table> {
  let baseUrl = checkBaseUrl(def.provider, options.baseUrl ?? def.defaultBaseUrl);
  checkHeaderValues(def.provider, "options.headers", options.headers);
  const logger = options.logger ?? { warn: (m: string) => console.warn(m) };
  const raw = createClient<Paths>({
    baseUrl,
    fetch: createRetryFetch({
      fetch: options.fetch,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      signal: options.signal,
    }),
    headers: options.headers,
    redirect: "manual",
  });
  const authModes = new Map<string, OperationRow["auth"]>();
  for (const row of Object.values(def.operations)) authModes.set(`${row.method.toUpperCase()} ${row.path}`, row.auth);
  // First of all middleware: the Request openapi-fetch just built from the string the facade's serializer returned
  // keeps that string, so that sending it (retry-fetch) and copying it (copyRequest) never read the Request's stream.
  raw.use({
    onRequest: ({ request, options: { bodySerializer } }) => {
      const body = (bodySerializer as Partial<CapturingSerializer>).output;
      if (typeof body === "string") holdBody(request, body);
      return undefined;
    },
  });
  const configuredBase = baseUrl;
  // After a "rebase" redirect, raw calls (which carry the configured base) follow the client to the new endpoint.
  if (def.redirects === "rebase") {
    raw.use({
      onRequest: ({ request }) =>
        baseUrl !== configuredBase && request.url.startsWith(configuredBase)
          ? copyRequest(request, { url: baseUrl + request.url.slice(configuredBase.length) })
          : undefined,
    });
  }
  for (const strategy of strategies) raw.use(gateByAuthMode(strategy, authModes));

  async function call(
    id: string,
    init: Record<string, any> = {},
    redirected = false,
  ): Promise<{ data: any; response: Response }> {
    const row = def.operations[id] as OperationRow;
    checkPathParams(def.provider, id, row.path, init.params?.path);
    checkHeaderValues(def.provider, `${id}: headers`, init.headers);
    checkHeaderValues(def.provider, `${id}: header parameter`, init.params?.header);
    checkRequestBody(def.provider, id, row, init);
    const encoding = bodyEncoding(row.body);
    const {
      data: text,
      error,
      response,
    } = await (raw.request as any)(row.method, row.path, {
      ...init,
      headers: { ...encoding?.headers, ...init.headers },
      bodySerializer: capturing(encoding?.bodySerializer ?? defaultBodySerializer),
      // Parsed below, so that a 2xx that is not JSON is a typed error that does not quote the body.
      parseAs: "text",
    });
    // Credentials the request carried, masked in any error that repeats what the server sent back.
    const secrets = () => requestSecrets(sentRequestOf(response));
    if (response.ok) {
      const data = parseJsonBody(def.provider, row, text, response);
      // Gathering the request's credentials costs more than the check, and most 2xx bodies are data: only for one
      // that carries an error is the error built again, masking them.
      if (def.errorInBody?.(errorInit(def, row, data, response, baseUrl))) {
        const failure = def.errorInBody(errorInit(def, row, data, response, baseUrl, await secrets()));
        if (failure) throw failure;
      }
      return { data, response };
    }
    const location = response.headers.get("location");
    if (def.redirects === "rebase" && isRedirect(response.status) && location && !redirected) {
      let moved: string;
      try {
        moved = rebase(baseUrl, row.path, location, response.url || baseUrl);
      } catch (err) {
        throw new ConfigurationError(`[@sessionkit/${def.provider}] ${id}: ${(err as Error).message}`);
      }
      // The move sticks once the new endpoint has answered. If it redirects again (a loop) or cannot be reached,
      // the client stays where it was, so that the next call does not go to an endpoint that never worked.
      const previous = baseUrl;
      const announce = async () =>
        logger.warn(
          redactText(
            `[@sessionkit/${def.provider}] ${id}: the API answered ${response.status}; using ${moved} from now on`,
            await secrets(),
          ),
        );
      baseUrl = moved;
      try {
        const result = await call(id, init, true);
        await announce();
        return result;
      } catch (err) {
        if (err instanceof RedirectError || err instanceof ApiConnectionError) baseUrl = previous;
        else await announce();
        throw err;
      }
    }
    throw makeError(row, errorInit(def, row, error, response, baseUrl, await secrets()));
  }

  const ops: Record<string, unknown> = {};
  const withResponse: Record<string, unknown> = {};
  for (const id of Object.keys(def.operations)) {
    withResponse[id] = (init?: Record<string, unknown>) => call(id, init);
    ops[id] = (init?: Record<string, unknown>) => call(id, init).then((r) => r.data);
  }

  return {
    provider: def.provider,
    get baseUrl() {
      return baseUrl;
    },
    ops: ops as Facade<Ops, Table>,
    withResponse: withResponse as FacadeWithResponse<Ops, Table>,
    raw,
    [inspectCustom]() {
      return `ApiClient(${def.provider}) { baseUrl: '${baseUrl}' }`;
    },
  } as ApiClient<Paths, Ops, Table>;
}

/** A per-call body serializer that keeps what it returned, for the middleware that holds it beside the Request. */
interface CapturingSerializer {
  (body: unknown, headers?: unknown): unknown;
  output?: unknown;
}

function capturing(serialize: (body: any, headers?: any) => unknown): CapturingSerializer {
  const capture: CapturingSerializer = (body, headers) => {
    capture.output = serialize(body, headers);
    return capture.output;
  };
  return capture;
}

/** Skips strategies on operations the spec marks anonymous; tolerates a missing credential where it is optional. */
function gateByAuthMode(strategy: AuthStrategy, modes: Map<string, OperationRow["auth"]>): Middleware {
  const onRequest = strategy.onRequest;
  if (strategy.scope === "all") return strategy;
  return {
    ...strategy,
    onRequest: onRequest
      ? async (params) => {
          const mode = modes.get(`${params.request.method} ${params.schemaPath}`) ?? "required";
          if (mode === "none") return undefined;
          try {
            return await onRequest(params);
          } catch (err) {
            if (mode === "optional" && err instanceof MissingCredentialsError) return undefined;
            throw err;
          }
        }
      : undefined,
  } as Middleware;
}

function errorInit(
  def: ProviderDefinition<OperationTable>,
  row: OperationRow,
  body: unknown,
  response: Response,
  baseUrl: string,
  secrets: readonly string[] = [],
): ApiErrorInit {
  return {
    secrets,
    provider: def.provider,
    status: response.status,
    body,
    headers: response.headers,
    method: row.method.toUpperCase(),
    url: response.url || `${baseUrl}${row.path}`,
    requestIdHeader: def.requestIdHeader,
  };
}

function makeError(row: OperationRow, init: ApiErrorInit): ApiError {
  const named = row.errors?.[String(init.status)];
  const Subclass = named ? ERROR_CLASSES[named] : undefined;
  return Subclass ? new Subclass(init) : ApiError.from(init);
}

function checkBaseUrl(provider: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Quoted without its user-info part: a malformed URL may still carry a password ("https://user:pa ss@host").
    const shown =
      typeof value === "string"
        ? JSON.stringify(value.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, "$1[REDACTED]@"))
        : typeof value;
    throw new ConfigurationError(`[@sessionkit/${provider}] baseUrl is not a URL: ${shown}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(`[@sessionkit/${provider}] baseUrl must be http(s), got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError(`[@sessionkit/${provider}] baseUrl must not carry credentials`);
  }
  return value.replace(/\/+$/, "");
}

/** A missing path parameter would otherwise be sent as the literal "undefined"; say which one instead. */
function checkPathParams(provider: string, id: string, path: string, given: Record<string, unknown> | undefined): void {
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const value = given?.[name as string];
    if ((typeof value !== "string" && typeof value !== "number") || value === "") {
      throw new ConfigurationError(`[@sessionkit/${provider}] ${id}: path parameter "${name}" is required`);
    }
    // "." and ".." survive percent-encoding and would be resolved by the URL parser: /sessions/.. is /.
    if (value === "." || value === "..") {
      throw new ConfigurationError(`[@sessionkit/${provider}] ${id}: path parameter "${name}" cannot be "${value}"`);
    }
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 307 || status === 308;
}

/** The new base URL: the Location with the operation's own path removed (or its origin plus our base path). */
function rebase(base: string, opPath: string, location: string, requestUrl: string): string {
  const target = new URL(location, requestUrl);
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new ConfigurationError(`a redirect to a non-http(s) location was refused (${target.protocol})`);
  }
  const path = target.pathname.replace(/\/+$/, "");
  if (path.endsWith(opPath)) return `${target.origin}${path.slice(0, -opPath.length)}`;
  return `${target.origin}${new URL(base).pathname.replace(/\/+$/, "")}`;
}
