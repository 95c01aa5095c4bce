import type { FetchResponse, HeadersOptions, ParamsOption, RequestBodyOption } from "openapi-fetch";

/** One row of a provider's generated `operations` table (see scripts/lib/codegen.ts). */
export interface OperationRow {
  readonly method: "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
  readonly path: string;
  /** How the request body is encoded: JSON, form-urlencoded, or a raw text/plain string. */
  readonly body?: "json" | "form" | "text";
  /** "optional": the spec lists an anonymous alternative, so a missing credential is not an error. */
  readonly auth: "required" | "optional" | "none";
  /** The spec's security alternatives by scheme name: any one set satisfies the operation. */
  readonly security?: readonly (readonly string[])[];
  /** Status → error class name, from `x-sessionkit-error` on a response in the spec. */
  readonly errors?: Readonly<Record<string, string>>;
}

export type OperationTable = Readonly<Record<string, OperationRow>>;

type Media = `${string}/${string}`;

/** What a facade method takes: the operation's params and body, typed from the spec, plus headers and signal. */
export type OperationInit<Op> = ParamsOption<Op> &
  RequestBodyOption<Op> & { headers?: HeadersOptions; signal?: AbortSignal };

type SuccessData<Op> = NonNullable<FetchResponse<Op & Record<string | number, any>, {}, Media>["data"]>;
/** The parsed 2xx body of an operation (`undefined` for bodiless responses). */
export type OperationData<Op> = [SuccessData<Op>] extends [never] ? undefined : SuccessData<Op>;
/** The union of the operation's documented error bodies; `ApiError<OperationErrorBody<...>>["body"]`. */
export type OperationErrorBody<Op> = NonNullable<FetchResponse<Op & Record<string | number, any>, {}, Media>["error"]>;

type InitArgs<Op> = {} extends OperationInit<Op> ? [init?: OperationInit<Op>] : [init: OperationInit<Op>];

/** One throwing method per operationId, named after the vendor SDK's method. */
export type Facade<Ops, Table extends OperationTable> = {
  readonly [K in keyof Table & keyof Ops]: (...init: InitArgs<Ops[K]>) => Promise<OperationData<Ops[K]>>;
};

/** Like Facade, but resolving to `{ data, response }` for callers that need headers (tokens in headers, cookies). */
export type FacadeWithResponse<Ops, Table extends OperationTable> = {
  readonly [K in keyof Table & keyof Ops]: (
    ...init: InitArgs<Ops[K]>
  ) => Promise<{ data: OperationData<Ops[K]>; response: Response }>;
};
