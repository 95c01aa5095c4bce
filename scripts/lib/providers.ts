import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository root (scripts/ lives directly below it). */
export const ROOT = resolve(__dirname, "..", "..");
export const SPECS_DIR = join(ROOT, "specs");
export const PACKAGES_DIR = join(ROOT, "packages");

/** Every provider is a `specs/<name>.yaml`; its package is `packages/<name>`. */
export function listProviders(specsDir = SPECS_DIR): string[] {
  return readdirSync(specsDir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

export function specPath(provider: string, specsDir = SPECS_DIR): string {
  return join(specsDir, `${provider}.yaml`);
}

export function generatedDir(provider: string, packagesDir = PACKAGES_DIR): string {
  return join(packagesDir, provider, "src", "generated");
}
