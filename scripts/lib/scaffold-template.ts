import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The provider package templates: real files with `{{placeholder}}`s, filled by the scaffold-* renderers. */
export const TEMPLATES_DIR = resolve(__dirname, "..", "templates", "provider");

/** Fills every `{{key}}` of a template; a placeholder without a value is a bug in the scaffold, not a blank. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  const text = readFileSync(join(TEMPLATES_DIR, template), "utf8");
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`templates/provider/${template}: no value for {{${key}}}`);
    return String(values[key]);
  });
}

/**
 * A JSON-like value as TypeScript source: bare identifier keys, on one line when it fits in `width` columns (it
 * starts at `column`), otherwise one property per line, indented to sit at `indent` spaces.
 */
export function tsLiteral(value: unknown, indent = 0, width = 100, column = indent): string {
  const inline = tsInline(value);
  if (column + inline.length <= width || value === null || typeof value !== "object") return inline;
  const pad = " ".repeat(indent + 2);
  const items = Array.isArray(value)
    ? value.map((v) => `${pad}${tsLiteral(v, indent + 2, width)},`)
    : Object.entries(value).map(
        ([k, v]) => `${pad}${tsKey(k)}: ${tsLiteral(v, indent + 2, width, indent + 4 + tsKey(k).length)},`,
      );
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return items.length === 0 ? `${open}${close}` : `${open}\n${items.join("\n")}\n${" ".repeat(indent)}${close}`;
}

function tsInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(tsInline).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => `${tsKey(k)}: ${tsInline(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** `obj.key` when the key is an identifier, `obj["key"]` otherwise. */
export function tsAccess(object: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`;
}

/** A property key as TypeScript source: bare when it is an identifier, quoted otherwise. */
export function tsKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** `acme` → `Acme`, `acme2` → `Acme2`: the type and factory names (`createAcmeClient`). */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
