import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { LineCounter, parseDocument } from "yaml";

/** The parts of an OpenAPI document the scripts read; the rest passes through untyped. */
export interface OpenApiDocument {
  openapi?: string;
  info?: { title?: string; version?: string; description?: string };
  servers?: { url: string; variables?: Record<string, { default: string }> }[];
  security?: Record<string, string[]>[];
  paths?: Record<string, Record<string, any> | undefined>;
  components?: Record<string, Record<string, any>>;
  [key: string]: unknown;
}

/** A spec problem located in its file: `specs/x.yaml:12:5 message`. */
export class SpecError extends Error {
  override name = "SpecError";
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
  ) {
    super(`${displayPath(file)}${line ? `:${line}:${column ?? 1}` : ""} ${detail}`);
  }
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

export interface LoadedSpec {
  doc: OpenApiDocument;
  text: string;
  /** Line and column of the node at a JSON pointer (`#/paths/~1login/post`), or of its nearest existing parent. */
  locate(pointer: string): { line: number; column: number };
  /** A SpecError at that pointer. */
  errorAt(pointer: string, detail: string): SpecError;
}

/** Parses a spec, turning YAML errors into SpecErrors with line and column. */
export function loadSpec(file: string): LoadedSpec {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new SpecError(file, undefined, undefined, `cannot read spec: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { lineCounter, uniqueKeys: true });
  const first = parsed.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new SpecError(file, pos.line, pos.col, `YAML: ${first.message.split("\n")[0]}`);
  }
  const doc = parsed.toJS() as OpenApiDocument;
  if (!doc || typeof doc !== "object" || typeof doc.openapi !== "string") {
    throw new SpecError(file, 1, 1, "not an OpenAPI document (no `openapi:` version field)");
  }
  const locate = (pointer: string) => {
    const keys = pointer
      .replace(/^#?\/?/, "")
      .split("/")
      .filter((k) => k.length > 0)
      .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
    for (let n = keys.length; n >= 0; n--) {
      const node = parsed.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
  const errorAt = (pointer: string, detail: string) => {
    const { line, column } = locate(pointer);
    return new SpecError(file, line, column, `${detail} (at ${pointer})`);
  };
  return { doc, text, locate, errorAt };
}

/** Follows a local `#/...` $ref (one level); anything else is returned as it is. */
export function resolveLocalRef(doc: unknown, node: any): any {
  if (typeof node?.$ref !== "string" || !node.$ref.startsWith("#/")) return node;
  return node.$ref
    .slice(2)
    .split("/")
    .reduce((at: any, key: string) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
}
