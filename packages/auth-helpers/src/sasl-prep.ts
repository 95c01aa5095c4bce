/**
 * SASLprep (RFC 4013) from @mongodb-js/saslprep, imported on the first SCRAM exchange rather than with the package:
 * the library builds ~560 kB of code-point tables at import (15–20 ms) that only a SCRAM login needs.
 */
export type Saslprep = (input: string, options?: { allowUnassigned?: boolean }) => string;

let loading: Promise<Saslprep> | undefined;

/** The full SASLprep, imported once per process on first use; a failed import is tried again next time. */
export function loadSaslprep(): Promise<Saslprep> {
  loading ??= import("@mongodb-js/saslprep").then(
    (library) => library.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
