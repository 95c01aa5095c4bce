import createClient, { type Client, type Middleware } from "openapi-fetch";
import { bodyEncoding } from "./body-encoding";
import { ApiError, type ApiErrorInit, ConfigurationError, ERROR_CLASSES, MissingCredentialsError } from "./errors";
import type { Facade, FacadeWithResponse, OperationRow, OperationTable } from "./operation-table";
import { type RetryOptions, createRetryFetch } from "./retry-fetch";
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
  fetch?: typeof fetch;
  /** Per attempt. Default 60 000 ms. */
  timeoutMs?: number;
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
  const logger = options.logger ?? { warn: (m: string) => console.warn(m) };
  const raw = createClient<Paths>({
    baseUrl,
    fetch: createRetryFetch({ fetch: options.fetch, retry: options.retry, timeoutMs: options.timeoutMs, signal: options.signal }),
    headers: options.headers,
    redirect: "manual",
  });
  const authModes = new Map<string, OperationRow["auth"]>();
  for (const row of Object.values(def.operations)) authModes.set(`${row.method.toUpperCase()} ${row.path}`, row.auth);
  for (const strategy of strategies) raw.use(gateByAuthMode(strategy, authModes));

  async function call(id: string, init: Record<string, any> = {}, redirected = false): Promise<{ data: any; response: Response }> {
    const row = def.operations[id] as OperationRow;
    checkPathParams(def.provider, id, row.path, init.params?.path);
    const encoding = bodyEncoding(row.body);
    const { data, error, response } = await (raw.request as any)(row.method, row.path, {
      ...init,
      ...encoding,
      headers: { ...encoding?.headers, ...init.headers },
      baseUrl,
    });
    if (response.ok) return { data, response };
    const location = response.headers.get("location");
    if (def.redirects === "rebase" && isRedirect(response.status) && location && !redirected) {
      const moved = rebase(baseUrl, row.path, location, response.url || baseUrl);
      logger.warn(`[@sessionkit/${def.provider}] ${id}: the API answered ${response.status}; using ${moved} from now on`);
      baseUrl = moved;
      return call(id, init, true);
    }
    throw makeError(def, row, { data: error, response, method: row.method.toUpperCase() });
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

function makeError(
  def: ProviderDefinition<OperationTable>,
  row: OperationRow,
  { data, response, method }: { data: unknown; response: Response; method: string },
): ApiError {
  const init: ApiErrorInit = {
    provider: def.provider,
    status: response.status,
    body: data,
    headers: response.headers,
    method,
    url: response.url || row.path,
    requestIdHeader: def.requestIdHeader,
  };
  const named = row.errors?.[String(response.status)];
  const Subclass = named ? ERROR_CLASSES[named] : undefined;
  return Subclass ? new Subclass(init) : ApiError.from(init);
}

function checkBaseUrl(provider: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`[@sessionkit/${provider}] baseUrl is not a URL: ${JSON.stringify(value)}`);
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
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 307 || status === 308;
}

/** The new base URL: the Location with the operation's own path removed (or its origin plus our base path). */
function rebase(base: string, opPath: string, location: string, requestUrl: string): string {
  const target = new URL(location, requestUrl);
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new ConfigurationError(`redirect to a non-http(s) location refused`);
  }
  const path = target.pathname.replace(/\/+$/, "");
  if (path.endsWith(opPath)) return `${target.origin}${path.slice(0, -opPath.length)}`;
  return `${target.origin}${new URL(base).pathname.replace(/\/+$/, "")}`;
}
