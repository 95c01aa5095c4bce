import { spawnSync } from "node:child_process";

export interface PackedTarball {
  name: string;
  version: string;
  /** Absolute path of the .tgz. */
  filename: string;
  /** Paths inside the tarball, relative to the package root. */
  files: string[];
}

/**
 * `pnpm pack` exactly as a publish would: it rewrites `workspace:` and `catalog:` ranges to real versions,
 * which is the point of testing the tarball rather than the workspace.
 */
export function packTarball(packageDir: string, destination: string): PackedTarball {
  const run = spawnSync("pnpm", ["pack", "--json", "--pack-destination", destination], {
    cwd: packageDir,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`pnpm pack failed in ${packageDir}:\n${run.stderr}${run.stdout}`);
  const json = run.stdout.slice(run.stdout.indexOf("{"));
  const out = JSON.parse(json) as { name: string; version: string; filename: string; files: { path: string }[] };
  return { name: out.name, version: out.version, filename: out.filename, files: out.files.map((f) => f.path) };
}

/** Every file path an `exports` map points at (conditions and subpaths flattened). */
export function exportTargets(exportsField: unknown): string[] {
  if (typeof exportsField === "string") return [exportsField];
  if (exportsField === null || typeof exportsField !== "object") return [];
  return Object.values(exportsField as Record<string, unknown>).flatMap(exportTargets);
}

/** Exports targets the tarball does not contain (a package built without `dist/`, a typo in a path). */
export function missingExportTargets(exportsField: unknown, files: readonly string[]): string[] {
  const packed = new Set(files.map((f) => f.replace(/^\.\//, "")));
  return exportTargets(exportsField)
    .map((t) => t.replace(/^\.\//, ""))
    .filter((t) => !t.includes("*") && !packed.has(t));
}
