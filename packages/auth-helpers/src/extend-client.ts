import type { Client } from "openapi-fetch";
import type { ApiClient } from "./create-client";
import type { Facade, FacadeWithResponse, OperationTable } from "./operation-table";
import { inspectCustom } from "./secret";

/** What a provider package hands its users: the facade, its own lifecycle methods, baseUrl, withResponse, raw. */
export type ProviderClient<Paths extends {}, Ops, Table extends OperationTable, Methods extends object> = Omit<
  Facade<Ops, Table>,
  keyof Methods
> &
  Methods & {
    /** The current base URL (the configured one, or where a "rebase" redirect moved the client). */
    readonly baseUrl: string;
    /** Every operation resolving to `{ data, response }`, for callers that need headers. */
    readonly withResponse: FacadeWithResponse<Ops, Table>;
    /** The typed openapi-fetch client with the same auth and base URL, for anything else. Never throws on status. */
    readonly raw: Client<Paths>;
  };

/**
 * The one shape every provider client has: the generated facade, with the provider's hand-written lifecycle
 * methods (login, logout, ...) replacing the same-named raw operations. `util.inspect` shows no state.
 */
export function extendClient<Paths extends {}, Ops, Table extends OperationTable, Methods extends object>(
  api: ApiClient<Paths, Ops, Table>,
  methods: Methods,
): ProviderClient<Paths, Ops, Table, Methods> {
  const client = { ...api.ops, withResponse: api.withResponse, raw: api.raw };
  // Descriptors, not a spread: a provider's getters (e.g. `loggedIn`) must stay live.
  Object.defineProperties(client, Object.getOwnPropertyDescriptors(methods));
  Object.defineProperty(client, "baseUrl", { get: () => api.baseUrl, enumerable: true });
  Object.defineProperty(client, inspectCustom, {
    value: () => `${api.provider} client { baseUrl: '${api.baseUrl}' }`,
  });
  return client as unknown as ProviderClient<Paths, Ops, Table, Methods>;
}
