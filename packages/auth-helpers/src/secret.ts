export const REDACTED = "[REDACTED]";
/** Node's `util.inspect.custom`, by its registered name so that no Node module is imported. */
export const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

/**
 * Holds one secret so that it never reaches `util.inspect`, `JSON.stringify`, `String()` or a
 * template literal by accident; only `reveal()` hands the value out.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return REDACTED;
  }
  toJSON(): string {
    return REDACTED;
  }
  [inspectCustom](): string {
    return REDACTED;
  }
}
