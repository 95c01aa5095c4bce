import { findRefCycles } from "./ref-cycles";
import { type LoadedSpec, resolveLocalRef } from "./spec-loader";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * What the generated operation table relies on, checked before anything is generated so a broken spec fails
 * with its file and line: every operation has a unique operationId that is a JS identifier, and every `{param}` in a
 * path is declared `in: path`, and no `$ref` chain loops back on itself without a definition (the one schema-level
 * problem both openapi-typescript and Redocly report without a location). (Other schema-level problems are Redocly's
 * job in `pnpm lint`.)
 */
export function checkForCodegen(spec: LoadedSpec): void {
  const seen = new Map<string, string>();
  const problems: Error[] = [];
  for (const [path, item] of Object.entries(spec.doc.paths ?? {})) {
    const pathPointer = `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const at = `${pathPointer}/${method}`;
      const id = op.operationId;
      if (typeof id !== "string" || !/^[A-Za-z_$][\w$]*$/.test(id)) {
        problems.push(spec.errorAt(at, `operationId must be a JavaScript identifier, got ${JSON.stringify(id)}`));
      } else if (seen.has(id)) {
        problems.push(spec.errorAt(`${at}/operationId`, `duplicate operationId "${id}" (also ${seen.get(id)})`));
      } else seen.set(id, `${method.toUpperCase()} ${path}`);

      const declared = new Set(
        [...(item.parameters ?? []), ...(op.parameters ?? [])]
          .map((p: any) => resolveLocalRef(spec.doc, p))
          .filter((p: any) => p?.in === "path")
          .map((p: any) => p.name as string),
      );
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        if (!declared.has(name as string)) {
          problems.push(spec.errorAt(at, `path parameter "${name}" of ${path} is not declared (in: path)`));
        }
      }
    }
  }
  problems.push(...findRefCycles(spec));
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join("\n"));
}
