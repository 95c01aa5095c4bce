import { isBuiltin } from "node:module";

// `from "x"`, `import "x"`, `import("x")`, `require("x")` — enough for tsup output and .d.ts files.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"'\s]+)["']/g;

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`); undefined for relative and builtins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || isBuiltin(specifier)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Packages imported by one emitted file. */
export function importedPackages(source: string): Set<string> {
  const found = new Set<string>();
  for (const match of source.matchAll(SPECIFIER)) {
    const name = packageOf(match[1]!);
    if (name) found.add(name);
  }
  return found;
}

/**
 * Imports the package does not declare. npm hoisting can make them work in one install and fail in the
 * next, so they are caught by reading the packed files rather than by running them.
 */
export function undeclaredImports(sources: Iterable<string>, ownName: string, declared: Iterable<string>): string[] {
  const allowed = new Set([ownName, ...declared]);
  const missing = new Set<string>();
  for (const source of sources) for (const name of importedPackages(source)) if (!allowed.has(name)) missing.add(name);
  return [...missing].sort();
}
