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

/** Parses a spec, turning YAML errors into SpecErrors with line and column. */
export function loadSpec(file: string): { doc: OpenApiDocument; text: string } {
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
  return { doc, text };
}
