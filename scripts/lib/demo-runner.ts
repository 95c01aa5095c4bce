/**
 * Runs each provider's demo steps in order and reports one line per step (status, time, note). A failing step
 * ends that provider's demo (later steps depend on its session) but not the other providers', so one run shows
 * everything that is broken.
 */
import { formatTable } from "./mock-boot";
import { type Progress, formatMs, red } from "./mock-progress";
import type { ProviderDemo } from "./demo-step";

export interface StepResult {
  step: string;
  ok: boolean;
  ms: number;
  /** The step's note when it passed, the error (name: message, no stack) when it failed. */
  detail: string;
}

export type ProviderResult =
  | { provider: string; status: "passed" | "failed"; steps: StepResult[]; totalSteps: number; ms: number }
  | { provider: string; status: "no-demo" };

export interface DemoRunOptions {
  /** A step that neither succeeds nor fails within this time is reported as failed (a hung mock must not hang the demo). */
  stepTimeoutMs?: number;
  /** Where failure lines go (stderr), besides the step line. */
  failures: { write(chunk: string): unknown };
  /** Pads the provider column so the step lines of several providers line up. */
  providerWidth?: number;
}

export async function runDemo(
  demo: ProviderDemo,
  baseUrl: string,
  progress: Progress,
  options: DemoRunOptions,
): Promise<ProviderResult> {
  const startedAt = performance.now();
  const abort = new AbortController();
  const steps = demo.steps({ baseUrl, signal: abort.signal });
  const results: StepResult[] = [];
  const width = Math.max(...steps.map((s) => s.name.length));
  for (const step of steps) {
    const label = `${demo.provider.padEnd(options.providerWidth ?? 0)}  ${step.name.padEnd(width)}`;
    progress.start(label);
    const t0 = performance.now();
    try {
      const note = await withTimeout(step.run(), options.stepTimeoutMs ?? 15_000, `${step.name} did not finish`, abort);
      const ms = progress.done(`${label}  ${note ?? ""}`.trimEnd());
      results.push({ step: step.name, ok: true, ms: ms || performance.now() - t0, detail: note ?? "" });
    } catch (err) {
      const detail = describeError(err);
      const ms = progress.fail(`${label}  ${detail}`);
      results.push({ step: step.name, ok: false, ms: ms || performance.now() - t0, detail });
      options.failures.write(`${red(progress.fancy, "✘")} ${demo.provider} failed at step "${step.name}": ${detail}\n`);
      return {
        provider: demo.provider,
        status: "failed",
        steps: results,
        totalSteps: steps.length,
        ms: performance.now() - startedAt,
      };
    }
  }
  return {
    provider: demo.provider,
    status: "passed",
    steps: results,
    totalSteps: steps.length,
    ms: performance.now() - startedAt,
  };
}

/** `AuthenticationError: [@sessionkit/koyeb] 401 …` — the class people branch on, and sessionkit's redacted message. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message.split("\n")[0]}`;
  return `thrown: ${String(err)}`;
}

export function summaryTable(results: ProviderResult[]): string {
  const rows = results.map((r) => {
    if (r.status === "no-demo") return [r.provider, "no demo yet (mock served)", "-"];
    const passed = r.steps.filter((s) => s.ok).length;
    const result =
      r.status === "passed"
        ? `passed, ${passed}/${r.totalSteps} steps`
        : `FAILED at ${r.steps.at(-1)!.step} (${passed}/${r.totalSteps} steps ok)`;
    return [r.provider, result, formatMs(r.ms)];
  });
  return formatTable(["provider", "demo", "time"], rows);
}

/** Rejects after `ms` and aborts the step's client, so its request does not outlive the demo. */
async function withTimeout<T>(work: Promise<T>, ms: number, message: string, abort: AbortController): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${message} within ${formatMs(ms)}`));
      abort.abort();
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
