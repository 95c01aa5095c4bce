import { createHash } from "node:crypto";
import openapiTS, { astToString } from "openapi-typescript";
import { checkForCodegen } from "./spec-checks";
import { type OpenApiDocument, loadSpec, resolveLocalRef } from "./spec-loader";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Media kinds the runtime knows how to serialise (everything else is sent as JSON). */
const BODY_KINDS: Record<string, string> = {
  "application/json": "json",
  "application/x-www-form-urlencoded": "form",
  "text/plain": "text",
};

export interface GeneratedFile {
  /** Path relative to the provider's `src/generated/` folder. */
  name: string;
  content: string;
}

/**
 * Everything `pnpm generate` writes for one provider, computed in memory so that a broken spec writes
 * nothing and `--check` can compare byte for byte.
 */
export async function generateProvider(provider: string, specFile: string): Promise<GeneratedFile[]> {
  const spec = loadSpec(specFile);
  const { doc, text } = spec;
  checkForCodegen(spec);
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const header = [
    `// This file is generated from specs/${provider}.yaml (sha256 ${hash}) by \`pnpm generate\`.`,
    "// Do not edit it by hand: edit the spec and regenerate.",
    "",
  ].join("\n");

  let ast: Awaited<ReturnType<typeof openapiTS>>;
  const { error: consoleError, warn: consoleWarn } = console;
  try {
    // openapi-typescript prints its own copy of each problem; ours (with line numbers) is the one that counts.
    console.error = console.warn = () => undefined;
    ast = await openapiTS(doc as never, { alphabetize: false, exportType: false, silent: true });
  } catch (err) {
    const message = (err as Error).message;
    const pointer = / at (#\/\S*)/.exec(message)?.[1];
    throw pointer ? spec.errorAt(pointer, message.replace(/ at #\/\S*/, "")) : new Error(`${specFile}: ${message}`);
  } finally {
    console.error = consoleError;
    console.warn = consoleWarn;
  }
  const schema = `${header}${astToString(ast)}`;
  return [
    { name: "schema.ts", content: schema },
    { name: "operations.ts", content: `${header}${renderOperationTable(provider, doc)}` },
  ];
}

interface OperationRow {
  method: string;
  path: string;
  body?: string;
  /** "required": every alternative needs a credential; "optional": one alternative is anonymous. */
  auth: "required" | "optional" | "none";
  /** The security alternatives by scheme name (any one set satisfies the operation); omitted when none. */
  security?: string[][];
  errors?: Record<string, string>;
}

/** The table the hand-written facade is built from: one row per operationId. */
export function operationTable(doc: OpenApiDocument): Record<string, OperationRow> {
  const rows: Record<string, OperationRow> = {};
  const globalSecurity = doc.security;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const security = op.security ?? globalSecurity;
      const row: OperationRow = { method, path, auth: authMode(security) };
      const alternatives = (Array.isArray(security) ? security : [])
        .map((req) => Object.keys(req ?? {}))
        .filter((a) => a.length > 0);
      if (alternatives.length > 0) row.security = alternatives;
      const mediaTypes = Object.keys(op.requestBody?.content ?? {});
      const kind = mediaTypes.map((m) => BODY_KINDS[m]).find(Boolean);
      if (mediaTypes.length > 0) row.body = kind ?? "json";
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const errorClass = resolveLocalRef(doc, response)?.["x-sessionkit-error"];
        if (typeof errorClass === "string") row.errors = { ...row.errors, [status]: errorClass };
      }
      rows[op.operationId as string] = row;
    }
  }
  return rows;
}

function authMode(security: unknown): OperationRow["auth"] {
  if (!Array.isArray(security) || security.length === 0) return "none";
  const anonymous = security.some((req) => !req || Object.keys(req).length === 0);
  if (anonymous) return security.length === 1 ? "none" : "optional";
  return "required";
}

function renderOperationTable(provider: string, doc: OpenApiDocument): string {
  const rows = operationTable(doc);
  const server = doc.servers?.[0];
  const baseUrl = server ? expandServer(server) : "";
  const lines = Object.entries(rows).map(([id, row]) => `  ${id}: ${JSON.stringify(row)},`);
  return [
    `/** Where ${provider}'s API lives unless the client is told otherwise (servers[0] of the spec). */`,
    `export const defaultBaseUrl = ${JSON.stringify(baseUrl)};`,
    "",
    "/** One row per operationId: how the facade calls it (verb, path, body encoding, whether it is authenticated). */",
    "export const operations = {",
    ...lines,
    "} as const;",
    "",
  ].join("\n");
}

function expandServer(server: { url: string; variables?: Record<string, { default: string }> }): string {
  return server.url
    .replace(/\{(\w+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? "")
    .replace(/\/$/, "");
}
