import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type BundleMarker, isBundleMarker } from "./bundle-markers";
import { ROOT } from "./providers";

export interface ProviderBudget {
  /** Ceiling for the provider's app bundle, minified + gzip -9, in bytes. */
  maxGzipBytes: number;
  /** Markers (bundle-markers.ts) this provider's bundle must not contain: code it should tree-shake away. */
  mustNotContain: BundleMarker[];
}

export interface SizeBudget {
  providers: Record<string, ProviderBudget>;
  /** Ceiling for an app that imports only the error classes (from a provider or auth-helpers/errors). */
  errorsOnlyMaxGzipBytes: number;
}

export const BUDGET_FILE = join(ROOT, "scripts", "size-budget.json");

export function readSizeBudget(file = BUDGET_FILE): SizeBudget {
  const budget = JSON.parse(readFileSync(file, "utf8")) as SizeBudget;
  for (const [provider, b] of Object.entries(budget.providers)) {
    const unknown = b.mustNotContain.filter((m) => !isBundleMarker(m));
    if (unknown.length > 0) throw new Error(`${file}: ${provider} names unknown markers ${unknown.join(", ")}`);
  }
  return budget;
}

export function budgetFor(budget: SizeBudget, provider: string): ProviderBudget {
  const b = budget.providers[provider];
  if (!b) throw new Error(`no size budget for provider "${provider}": add it to scripts/size-budget.json`);
  return b;
}
