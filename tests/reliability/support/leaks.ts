/**
 * Searches everything a caller (or a log collector) could see for the test secrets: error messages, String(err),
 * util.inspect with hidden fields, JSON, the client object, and every log line. Each (surface, secret, encoding)
 * comparison counts as one check, so a run can report "0 leaks out of N".
 */
import { inspect } from "node:util";

export interface LeakReport {
  checks: number;
  leaks: string[];
}

export interface CapturedLogs {
  logger: { warn(message: string): void; debug(message: string): void };
  lines: string[];
  restore(): void;
}

/** A logger for the client plus spies on every console method, so that nothing printed escapes the search. */
export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const spies = methods.map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      lines.push(
        `console.${m}: ${args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 10, showHidden: true }))).join(" ")}`,
      );
    }),
  );
  return {
    logger: {
      warn: (message) => lines.push(`logger.warn: ${message}`),
      debug: (message) => lines.push(`logger.debug: ${message}`),
    },
    lines,
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/** The surfaces of one error (and, optionally, the client that threw it). */
export function surfacesOf(error: unknown, client?: unknown, logs: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {
    "String(err)": String(error),
    "inspect(err)": inspect(error, { depth: 10, showHidden: true }),
    "JSON(err)": safeJson(error),
  };
  if (error instanceof Error) {
    out["err.message"] = error.message;
    out["err.stack"] = error.stack ?? "";
    out["JSON(err.cause)"] = safeJson((error as { cause?: unknown }).cause);
  }
  // `null` stands for "no client" (the constructor threw): still a surface, so that counts stay fixed.
  if (client !== undefined) {
    out["inspect(client)"] = inspect(client, { depth: 10, showHidden: true });
    out["JSON(client)"] = safeJson(client);
  }
  out.logs = logs.join("\n");
  return out;
}

export function findLeaks(surfaces: Record<string, string>, secrets: Record<string, string>): LeakReport {
  const report: LeakReport = { checks: 0, leaks: [] };
  for (const [label, secret] of Object.entries(secrets)) {
    for (const form of forms(secret)) {
      for (const [surface, text] of Object.entries(surfaces)) {
        report.checks += 1;
        if (text.includes(form)) report.leaks.push(`${label} found in ${surface}`);
      }
    }
  }
  return report;
}

/** Number of checks findLeaks makes for these secrets over `surfaceCount` surfaces. */
export function checksFor(secrets: Record<string, string>, surfaceCount: number): number {
  return Object.values(secrets).reduce((n, s) => n + forms(s).length * surfaceCount, 0);
}

/** The secret as is and percent-encoded (as it would sit in a URL or a form body), when that differs. */
function forms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return encoded === secret ? [secret] : [secret, encoded];
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "undefined";
  } catch (error) {
    return `<JSON.stringify threw ${(error as Error).name}>`;
  }
}
