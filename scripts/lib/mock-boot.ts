/**
 * Boots the selected mocks in this process (mocks' startMocks) and waits until each answers over HTTP. Both
 * `pnpm mock` and `pnpm main` come through here, so they boot, report and stop mocks the same way.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { RunningMock } from "@sessionkit/mocks";
import type { MockSelection } from "./mock-options";
import { type Progress, formatMs } from "./mock-progress";
import { waitUntilAnswers } from "./mock-probe";
import { ROOT } from "./providers";

export const OVERRIDES_DIR = join(ROOT, "mocks", "overrides");

export interface BootOptions extends MockSelection {
  dynamic?: boolean;
  errors?: boolean;
}

export interface BootedMocks {
  mocks: RunningMock[];
  /** ms from this process's start until the last mock answered (what a developer waits for). */
  readyAfterMs: number;
  urlOf(provider: string): string;
  /** Stops every mock; safe to call more than once. */
  close(): Promise<void>;
}

export async function bootMocks(options: BootOptions, progress: Progress): Promise<BootedMocks> {
  // Imported here, not at the top: loading Prism takes most of a second, and the spinner should show it.
  progress.start("loading Prism");
  const { startMocks } = await import("@sessionkit/mocks");
  progress.done("loaded Prism");

  const names = options.providers.join(", ");
  progress.start(`starting ${plural(options.providers.length, "mock")} (${names})`);
  let mocks: RunningMock[];
  try {
    mocks = await startMocks(options.providers, {
      ports: options.ports,
      dynamic: options.dynamic,
      errors: options.errors,
    });
  } catch (err) {
    progress.fail();
    throw err;
  }
  progress.done(`started ${plural(mocks.length, "mock")}`);

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.allSettled(mocks.map((m) => m.close())).then(() => undefined));

  progress.start("waiting for every mock to answer on loopback");
  try {
    await Promise.all(mocks.map((m) => waitUntilAnswers(m.url)));
  } catch (err) {
    progress.fail();
    await close();
    throw err;
  }
  progress.done("every mock answers");

  return {
    mocks,
    readyAfterMs: performance.now(),
    urlOf(provider) {
      const mock = mocks.find((m) => m.provider === provider);
      if (!mock) throw new Error(`no ${provider} mock is running`);
      return mock.url;
    },
    close,
  };
}

/** The provider → URL table, one row per mock, plus which responses each serves. */
export function mockTable(
  booted: Pick<BootedMocks, "mocks">,
  options: { dynamic?: boolean; errors?: boolean },
): string {
  const rows = booted.mocks.map((m) => [m.provider, m.url, servedFrom(m.provider, options)]);
  return formatTable(["provider", "URL", "responses"], rows);
}

function servedFrom(provider: string, options: { dynamic?: boolean; errors?: boolean }): string {
  const source = options.dynamic
    ? "generated from the schemas (--dynamic)"
    : existsSync(join(OVERRIDES_DIR, `${provider}.yaml`))
      ? `examples: specs/${provider}.yaml + mocks/overrides/${provider}.yaml`
      : `examples: specs/${provider}.yaml`;
  return options.errors ? `${source}; spec violations → 500 (--errors)` : source;
}

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join("  ")}`.trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function readyLine(booted: BootedMocks): string {
  return `${plural(booted.mocks.length, "mock")} answering, ready ${formatMs(booted.readyAfterMs)} after start`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
