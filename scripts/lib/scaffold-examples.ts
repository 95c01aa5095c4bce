import { resolveLocalRef, type OpenApiDocument } from "./spec-loader";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation as the scaffold sees it: its id, verb, path, and a request built from the spec's examples. */
export interface ExampleOperation {
  id: string;
  method: string;
  path: string;
  summary?: string;
  /** The facade init: `{ params: { path, query, header }, body }`, only the parts the operation has. */
  init: { params?: Record<string, Record<string, unknown>>; body?: unknown };
}

/**
 * A request per operation that the mock accepts: explicit examples first (parameter, media type, schema), then
 * values derived from the schema (required properties, formats, bounds). Optional parameters and properties are
 * included only when the spec gives them an example.
 */
export function exampleOperations(doc: OpenApiDocument): ExampleOperation[] {
  const out: ExampleOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op?.operationId) continue;
      const init: ExampleOperation["init"] = {};
      const parameters = [...(item?.parameters ?? []), ...(op.parameters ?? [])].map((p: any) =>
        resolveLocalRef(doc, p),
      );
      for (const p of parameters) {
        // openapi-fetch has no cookie parameters; those are left to the hand-written client.
        if (!p?.name || !["path", "query", "header"].includes(p.in)) continue;
        const explicit = exampleOf(doc, p);
        if (!p.required && explicit === undefined) continue;
        const params = init.params ?? {};
        params[p.in] = { ...params[p.in], [p.name]: explicit ?? sample(doc, p.schema) };
        init.params = params;
      }
      const requestBody = resolveLocalRef(doc, op.requestBody);
      const media = Object.entries<any>(requestBody?.content ?? {})[0]?.[1];
      if (media) {
        const explicit = exampleOf(doc, media);
        if (requestBody.required || explicit !== undefined) init.body = explicit ?? sample(doc, media.schema);
      }
      out.push({ id: op.operationId, method, path, summary: op.summary, init });
    }
  }
  return out;
}

/** `example`, else the first of `examples`, else the schema's own example. */
function exampleOf(doc: OpenApiDocument, node: any): unknown {
  if (node.example !== undefined) return node.example;
  const first = Object.values<any>(node.examples ?? {})[0];
  const value = resolveLocalRef(doc, first)?.value;
  if (value !== undefined) return value;
  return resolveLocalRef(doc, node.schema)?.example;
}

/** A value valid for the schema, as far as its type, required properties, formats and bounds say. */
export function sample(doc: OpenApiDocument, schemaNode: unknown, depth = 0): unknown {
  const schema = resolveLocalRef(doc, schemaNode) ?? {};
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (depth > 8) return undefined;
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((s: unknown) => sample(doc, s, depth + 1)).filter(isObject));
  }
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative) return sample(doc, alternative, depth + 1);
  const type = schema.type ?? (schema.properties ? "object" : undefined);
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const required = new Set<string>(schema.required ?? []);
      for (const [name, prop] of Object.entries<any>(schema.properties ?? {})) {
        const resolved = resolveLocalRef(doc, prop);
        if (resolved?.readOnly) continue;
        if (required.has(name) || resolved?.example !== undefined) out[name] = sample(doc, resolved, depth + 1);
      }
      return out;
    }
    case "array":
      return (schema.minItems ?? 0) > 0 ? [sample(doc, schema.items, depth + 1)] : [];
    case "integer":
    case "number":
      return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? Number.POSITIVE_INFINITY);
    case "boolean":
      return true;
    case "string":
      return sampleString(schema);
    default:
      return {};
  }
}

const FORMATS: Record<string, string> = {
  email: "user@example.com",
  "date-time": "2030-01-01T00:00:00Z",
  date: "2030-01-01",
  uuid: "3f1c2b7a-5d4e-4c6b-9a8f-0e1d2c3b4a59",
  uri: "https://example.com/",
  hostname: "example.com",
  ipv4: "192.0.2.1",
};

function sampleString(schema: any): string {
  const base = FORMATS[schema.format] ?? "example";
  const min = schema.minLength ?? 0;
  const padded = base.length >= min ? base : base.padEnd(min, "x");
  return schema.maxLength !== undefined ? padded.slice(0, schema.maxLength) : padded;
}

function isObject(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
