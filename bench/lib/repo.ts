/** Where things are in the repository, and whether a package's dist/ is there and current. */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..", "..");
const SPECS_DIR = join(ROOT, "specs");
export const PACKAGES_DIR = join(ROOT, "packages");
/** Loads TypeScript in child processes (`node --import <this>`): one process, so its pid is the one to stop. */
export const TSX_LOADER = require.resolve("tsx");

/** Every provider is a `specs/<name>.yaml`. */
export function listProviders(): string[] {
  return readdirSync(SPECS_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

export function specFile(provider: string): string {
  return join(SPECS_DIR, `${provider}.yaml`);
}

/** The published packages: auth-helpers plus one per provider, in that order. */
export function listPackages(): string[] {
  return ["auth-helpers", ...listProviders()];
}

export type BuildState = "ok" | "missing" | "stale";

export interface PackageBuild {
  name: string;
  dir: string;
  esm: string;
  cjs: string;
  state: BuildState;
}

/** dist/index.{js,cjs} of packages/<name>; "stale" when a src file is newer than the build. */
export function packageBuild(name: string): PackageBuild {
  const dir = join(PACKAGES_DIR, name);
  const esm = join(dir, "dist", "index.js");
  const cjs = join(dir, "dist", "index.cjs");
  let state: BuildState = "ok";
  if (!existsSync(esm) || !existsSync(cjs)) state = "missing";
  else {
    const built = Math.min(statSync(esm).mtimeMs, statSync(cjs).mtimeMs);
    if (newestMtime(join(dir, "src")) > built) state = "stale";
  }
  return { name, dir, esm, cjs, state };
}

/** A sentence for the notes when some builds are missing or stale (the figures would not be the code's). */
export function buildWarning(builds: PackageBuild[]): string | undefined {
  const missing = builds.filter((b) => b.state === "missing").map((b) => b.name);
  const stale = builds.filter((b) => b.state === "stale").map((b) => b.name);
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`not built (skipped): ${missing.join(", ")}`);
  if (stale.length > 0) parts.push(`src/ newer than dist/ (measured as built): ${stale.join(", ")}`);
  return parts.length > 0 ? `${parts.join("; ")}. Run \`pnpm build\` first.` : undefined;
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function readJson<T = any>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}
