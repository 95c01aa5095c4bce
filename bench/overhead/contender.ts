/** One way of making the same HTTP call, and the set of ways compared side by side for one operation. */
export interface Contender {
  name: string;
  /** One call, resolving to the parsed response body. */
  call(): Promise<unknown>;
}

export interface Scenario {
  id: string;
  title: string;
  /** The first is raw fetch, the floor the others are divided by. */
  contenders: Contender[];
  /** Throws unless `result` is the body the stub server answers (run once per contender before timing). */
  check(result: unknown): void;
}

/** The contender names, in table order. */
export const RAW = "raw fetch (floor)";
export const SESSIONKIT = "sessionkit client";
export const OPENAPI_FETCH = "openapi-fetch + auth middleware";
export const OPENAPI_GENERATOR = "openapi-generator typescript-fetch";

export function expectEqual(what: string, actual: unknown, expected: unknown): void {
  if (actual !== expected)
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
