/**
 * A provider's session-lifecycle demo: an ordered list of named steps run against its mock through the
 * published package. Steps share one client (and so one session) through the closure `steps()` builds.
 */

export interface DemoStep {
  /** The client method the step exercises, as users will call it (e.g. "login"). */
  name: string;
  /**
   * Throws when the step did not do what it claims (an error from the client, or a reply without the token it
   * should carry). Returns a short note for the step line; never a secret (tokens, passwords, cookies).
   */
  run(): Promise<string | undefined>;
}

export interface DemoContext {
  /** The provider's mock. */
  baseUrl: string;
  /** Aborted when a step overruns its time; pass it to the client so a hung request ends with the demo. */
  signal: AbortSignal;
}

export interface ProviderDemo {
  provider: string;
  /** A fresh client (one session) and the steps that use it. */
  steps(context: DemoContext): DemoStep[];
}

/** For step notes: whether a value arrived, without showing it. */
export function present(value: unknown): "yes" | "no" {
  return value === undefined || value === null || value === "" ? "no" : "yes";
}

/** A step's own check failed: the call succeeded but the reply lacks what the next step relies on. */
export function expectThat(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
