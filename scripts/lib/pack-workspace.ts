import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PACKAGES_DIR, SPECS_DIR, listProviders } from "./providers";

export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  exports?: unknown;
  [field: string]: unknown;
}

export interface WorkspacePackage {
  /** Directory name under packages/ (for a provider, the provider's name). */
  dir: string;
  path: string;
  manifest: PackageManifest;
}

/** One packages/<dir>; a directory without a package.json is a half-made package and fails loudly. */
export function readWorkspacePackage(dir: string, packagesDir = PACKAGES_DIR): WorkspacePackage {
  const path = join(packagesDir, dir);
  const file = join(path, "package.json");
  if (!existsSync(file)) throw new Error(`packages/${dir} has no package.json`);
  return { dir, path, manifest: JSON.parse(readFileSync(file, "utf8")) as PackageManifest };
}

/** Every directory under packages/: all of them are published. */
export function listPackageDirs(packagesDir = PACKAGES_DIR): string[] {
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function runtimeDependencies(manifest: PackageManifest): string[] {
  return [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ];
}

/**
 * Providers: every spec (a spec without its package must fail, not vanish) plus every package no other
 * package depends on. Libraries such as auth-helpers are the packages something else depends on.
 */
export function listProviderDirs(packagesDir = PACKAGES_DIR, specsDir = SPECS_DIR): string[] {
  const dirs = listPackageDirs(packagesDir);
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const dir of dirs) {
    const file = join(packagesDir, dir, "package.json");
    if (!existsSync(file)) continue; // reported when the provider itself is read
    const manifest = JSON.parse(readFileSync(file, "utf8")) as PackageManifest;
    names.set(manifest.name, dir);
    for (const dep of runtimeDependencies(manifest)) used.add(dep);
  }
  const libraries = new Set([...used].flatMap((name) => (names.has(name) ? [names.get(name)!] : [])));
  return [...new Set([...listProviders(specsDir), ...dirs.filter((d) => !libraries.has(d))])].sort();
}

/** The workspace packages `pkg` needs at run time, transitively (what must be packed alongside it). */
export function workspaceClosure(pkg: WorkspacePackage, packagesDir = PACKAGES_DIR): WorkspacePackage[] {
  const byName = new Map<string, WorkspacePackage>();
  for (const dir of listPackageDirs(packagesDir)) {
    if (existsSync(join(packagesDir, dir, "package.json"))) {
      const wp = readWorkspacePackage(dir, packagesDir);
      byName.set(wp.manifest.name, wp);
    }
  }
  const seen = new Map<string, WorkspacePackage>([[pkg.manifest.name, pkg]]);
  const queue = [pkg];
  while (queue.length > 0) {
    for (const dep of runtimeDependencies(queue.shift()!.manifest)) {
      const wp = byName.get(dep);
      if (wp && !seen.has(dep)) {
        seen.set(dep, wp);
        queue.push(wp);
      }
    }
  }
  return [...seen.values()];
}

/** `SESSIONKIT_PACK_ONLY=koyeb,polario` narrows a local run; unset, everything is covered. */
export function onlySelected(dirs: string[], filter = process.env.SESSIONKIT_PACK_ONLY): string[] {
  if (!filter) return dirs;
  const wanted = new Set(
    filter
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return dirs.filter((d) => wanted.has(d));
}
