import type { LoadedSpec } from "./spec-loader";

/**
 * `$ref` chains that only ever point at other `$ref`s and come back around (`A: {$ref: A}`, or A → B → A): such a
 * schema has no definition at all. openapi-typescript and Redocly both stop on it with "Self-referencing circular
 * pointer" and no location; this finds it first and names the line. (Recursive schemas that recurse through
 * `properties` or `items`, like a tree, are fine and are not reported.)
 */
export function findRefCycles(spec: LoadedSpec): Error[] {
  const problems: Error[] = [];
  const reported = new Set<string>();
  walk(spec.doc, "#", 0, (pointer, ref) => {
    const visited = [pointer];
    let next: string | undefined = ref;
    while (next !== undefined) {
      if (visited.includes(next)) {
        const cycle = visited.slice(visited.indexOf(next));
        const key = [...cycle].sort().join(" ");
        if (!reported.has(key)) {
          reported.add(key);
          problems.push(
            spec.errorAt(`${next}/$ref`, `circular $ref: ${[...cycle, next].join(" → ")} never reaches a definition`),
          );
        }
        return;
      }
      visited.push(next);
      next = localRefOf(resolvePointer(spec.doc, next));
    }
  });
  return problems;
}

function walk(node: unknown, pointer: string, depth: number, onRef: (pointer: string, ref: string) => void): void {
  if (depth > 64 || node === null || typeof node !== "object") return;
  const ref = localRefOf(node);
  if (ref !== undefined) onRef(pointer, ref);
  for (const [key, child] of Object.entries(node)) {
    walk(child, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, depth + 1, onRef);
  }
}

function localRefOf(node: unknown): string | undefined {
  const ref = (node as { $ref?: unknown } | null)?.$ref;
  return typeof ref === "string" && ref.startsWith("#/") ? ref : undefined;
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  return pointer
    .slice(2)
    .split("/")
    .reduce<unknown>(
      (at, key) => (at as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")],
      doc,
    );
}
