import { readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import type { OpenApiDocument } from "./spec-loader";

/**
 * Seed facts (`specs/seed-facts/<provider>.yaml`) record what a vendor's SDK doc states about each operation.
 * `checkOperation` / `checkServer` compare them with `specs/<provider>.yaml` and return human-readable
 * mismatches (`koyeb login: response 503 missing`), so no spec edit can silently drop a stated fact.
 */

export interface SeedParam {
  /** The SDK's variable name as the seed writes it. */
  sdk: string;
  kind?: "body";
  type?: string;
  required: boolean;
  /** Researched wire name and location, when they differ from the SDK's. */
  wire?: string;
  in?: "query" | "header" | "path" | "cookie";
}

export interface SeedOperation {
  operationId: string;
  /** `POST /v1/account/login` */
  http: string;
  summary: string | null;
  description: string | null;
  params: SeedParam[];
  /** A model name, `object`, a primitive, `list[Model]`; null = no response body. */
  returns: string | null;
  /** Security scheme names that must appear together in one requirement; [] = no authorization. */
  auth: string[];
  contentType: string | null;
  accept: string | null;
  /** Status codes of the seed's response table (0 = default); absent when the seed has no table. */
  responses?: (number | string)[];
}

export interface SeedFacts {
  seed: string;
  api: string;
  baseUrl: string;
  operations: Record<string, SeedOperation>;
}

// ---------------------------------------------------------------- loading

/** Provider names that have a facts file, e.g. `["cloudendure", "koyeb"]`. */
export function listSeedFactsProviders(factsDir: string): string[] {
  return readdirSync(factsDir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

export function loadSeedFacts(file: string): SeedFacts {
  return parseSeedFacts(parse(readFileSync(file, "utf8")), file);
}

/** Validates the shape strictly: a typo in a facts file must fail loudly, not skip a check. */
export function parseSeedFacts(raw: unknown, source: string): SeedFacts {
  const fail = (path: string, want: string): never => {
    throw new Error(`${source}: ${path} must be ${want}`);
  };
  const obj = (v: unknown, path: string): Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(path, "a mapping");
  const str = (v: unknown, path: string): string => (typeof v === "string" && v !== "" ? v : fail(path, "a string"));
  const strOrNull = (o: Record<string, unknown>, key: string, path: string): string | null =>
    !(key in o)
      ? fail(`${path}.${key}`, "present (null when the seed says nothing)")
      : o[key] === null
        ? null
        : str(o[key], `${path}.${key}`);

  const root = obj(raw, "the document");
  const operations = obj(root.operations, "operations");
  if (Object.keys(operations).length === 0) fail("operations", "non-empty");
  const facts: SeedFacts = {
    seed: str(root.seed, "seed"),
    api: str(root.api, "api"),
    baseUrl: str(root.baseUrl, "baseUrl"),
    operations: {},
  };
  for (const [name, value] of Object.entries(operations)) {
    const at = `operations.${name}`;
    const o = obj(value, at);
    const http = str(o.http, `${at}.http`);
    if (!/^[A-Z]+ \/\S*$/.test(http)) fail(`${at}.http`, "`VERB /path`");
    if (!Array.isArray(o.params)) fail(`${at}.params`, "a list");
    if (!Array.isArray(o.auth) || !o.auth.every((a) => typeof a === "string"))
      fail(`${at}.auth`, "a list of scheme names");
    const op: SeedOperation = {
      operationId: str(o.operationId, `${at}.operationId`),
      http,
      summary: strOrNull(o, "summary", at),
      description: strOrNull(o, "description", at),
      params: (o.params as unknown[]).map((p, i) =>
        parseParam(obj(p, `${at}.params[${i}]`), `${at}.params[${i}]`, fail),
      ),
      returns: strOrNull(o, "returns", at),
      auth: o.auth as string[],
      contentType: strOrNull(o, "contentType", at),
      accept: strOrNull(o, "accept", at),
    };
    if (o.responses !== undefined) {
      const list = o.responses;
      if (!Array.isArray(list) || !list.every((c) => typeof c === "number" || typeof c === "string")) {
        fail(`${at}.responses`, "a list of status codes");
      }
      op.responses = list as (number | string)[];
    }
    facts.operations[name] = op;
  }
  return facts;
}

function parseParam(p: Record<string, unknown>, at: string, fail: (path: string, want: string) => never): SeedParam {
  if (typeof p.sdk !== "string") fail(`${at}.sdk`, "a string");
  if (typeof p.required !== "boolean") fail(`${at}.required`, "true or false");
  if (p.kind !== undefined && p.kind !== "body") fail(`${at}.kind`, "`body` or absent");
  if (p.in !== undefined && !["query", "header", "path", "cookie"].includes(p.in as string)) {
    fail(`${at}.in`, "query, header, path or cookie");
  }
  return p as unknown as SeedParam;
}

// ---------------------------------------------------------------- local $ref resolution

class RefError extends Error {}

/** Follows local `#/...` JSON pointers (chains too); anything else is a mismatch, never a fetch. */
function deref(doc: OpenApiDocument, value: any, seen: string[] = []): any {
  if (value === null || typeof value !== "object" || typeof value.$ref !== "string") return value;
  const ref: string = value.$ref;
  if (!ref.startsWith("#/")) throw new RefError(`non-local $ref ${ref}`);
  if (seen.includes(ref)) throw new RefError(`circular $ref ${ref}`);
  let target: any = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    target = target !== null && typeof target === "object" ? target[key] : undefined;
    if (target === undefined) throw new RefError(`unresolvable $ref ${ref}`);
  }
  return deref(doc, target, [...seen, ref]);
}

/** `#/components/schemas/User` → `User`; inline schemas → `inline <type>`. */
function schemaName(schema: any): string {
  if (schema && typeof schema.$ref === "string") {
    const m = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref);
    return m ? m[1]! : schema.$ref;
  }
  return `inline ${schema?.type ?? "schema"}`;
}

// ---------------------------------------------------------------- checks

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PRIMITIVES: Record<string, string> = {
  str: "string",
  string: "string",
  int: "integer",
  integer: "integer",
  float: "number",
  number: "number",
  bool: "boolean",
  boolean: "boolean",
};

const normalize = (s: string): string => s.replace(/\s+/g, " ").trim();
const stripSlash = (s: string): string => s.replace(/\/+$/, "");
const isModelName = (t: string): boolean => /^[A-Z][A-Za-z0-9_.]*$/.test(t);
const listOf = (t: string): string | undefined => (/^(?:list|array)\[(.+)\]$/i.exec(t) ?? /^(.+)\[\]$/.exec(t))?.[1];
const requirementText = (names: string[]): string => `{${names.join(", ")}}`;

/**
 * servers[0].url against the seed's "All URIs are relative to" (a trailing slash is not a difference).
 * Server variables take their defaults, which is the URL a generated client starts from.
 */
export function checkServer(provider: string, facts: SeedFacts, doc: OpenApiDocument): string[] {
  const server = doc.servers?.[0];
  if (server === undefined) return [`${provider}: servers[0] missing, seed says ${facts.baseUrl}`];
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
  const shown = url === server.url ? url : `${server.url} (${url})`;
  return stripSlash(url) === stripSlash(facts.baseUrl)
    ? []
    : [`${provider}: servers[0].url is ${shown}, seed says ${facts.baseUrl}`];
}

/** Every stated fact of one operation; [] when the spec agrees with the seed. */
export function checkOperation(provider: string, name: string, facts: SeedFacts, doc: OpenApiDocument): string[] {
  const want = facts.operations[name];
  const label = `${provider} ${name}`;
  if (!want) return [`${label}: no such operation in the seed facts`];
  const problems: string[] = [];
  try {
    const found = findOperation(doc, want.operationId);
    if (found.length === 0) return [`${label}: operation ${want.operationId} missing`];
    if (found.length > 1) return [`${label}: operationId ${want.operationId} used ${found.length} times`];
    const { method, path, pathItem, op } = found[0]!;
    const report = (msg: string) => problems.push(`${label}: ${msg}`);

    const http = `${method.toUpperCase()} ${path}`;
    if (http !== want.http) report(`is ${http}, seed says ${want.http}`);
    checkTag(facts.api, op, report);
    if (want.summary !== null && normalize(op.summary ?? "") !== normalize(want.summary)) {
      report(`summary is ${JSON.stringify(op.summary ?? null)}, seed says ${JSON.stringify(want.summary)}`);
    }
    if (want.description !== null && normalize(op.description ?? "") !== normalize(want.description)) {
      report(`description is ${JSON.stringify(op.description ?? null)}, seed says ${JSON.stringify(want.description)}`);
    }
    checkParams(doc, want, pathItem, op, report);
    checkReturns(doc, want, op, report);
    checkAuth(doc, want, op, report);
    checkMediaTypes(doc, want, op, report);
    for (const code of want.responses ?? []) {
      const key = code === 0 || code === "0" ? "default" : String(code);
      if (!op.responses || !(key in op.responses)) report(`response ${key} missing`);
    }
  } catch (err) {
    if (!(err instanceof RefError)) throw err;
    problems.push(`${label}: ${err.message}`);
  }
  return problems;
}

interface FoundOperation {
  method: string;
  path: string;
  pathItem: any;
  op: any;
}

function findOperation(doc: OpenApiDocument, operationId: string): FoundOperation[] {
  const found: FoundOperation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const pathItem = deref(doc, rawItem) ?? {};
    for (const method of METHODS) {
      const op = pathItem[method];
      if (op && op.operationId === operationId) found.push({ method, path, pathItem, op });
    }
  }
  return found;
}

/** Exactly one tag: the seed's API class minus `Api`, so generators reproduce the seed's class name. */
function checkTag(api: string, op: any, report: (m: string) => void): void {
  const expected = api.replace(/Api$/, "");
  const tags: unknown[] = Array.isArray(op.tags) ? op.tags : [];
  if (tags.length !== 1 || tags[0] !== expected)
    report(`tags are [${tags.join(", ")}], seed's class implies [${expected}]`);
}

function checkParams(
  doc: OpenApiDocument,
  want: SeedOperation,
  pathItem: any,
  op: any,
  report: (m: string) => void,
): void {
  // Operation-level parameters override path-level ones with the same name and location.
  const byKey = new Map<string, any>();
  for (const raw of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
    const p = deref(doc, raw);
    byKey.set(`${p.in} ${p.name}`, p);
  }
  const params = [...byKey.values()];
  const matched = new Set<any>();
  const body = deref(doc, op.requestBody);

  for (const p of want.params) {
    if (p.kind === "body") {
      if (!body) {
        report(`body parameter ${p.sdk} missing (no requestBody)`);
        continue;
      }
      if ((body.required === true) !== p.required)
        report(`body parameter ${p.sdk} required is ${body.required === true}, seed says ${p.required}`);
      if (p.type && isModelName(p.type)) {
        const media = Object.entries<any>(body.content ?? {});
        if (media.length === 0) report(`body parameter ${p.sdk} has no content`);
        for (const [type, m] of media) {
          const got = schemaName(m.schema);
          if (got !== p.type) report(`body parameter ${p.sdk} (${type}) schema is ${got}, seed says ${p.type}`);
        }
      }
      continue;
    }
    const found = p.wire
      ? params.find((x) => x.name === p.wire && (!p.in || x.in === p.in))
      : params.find((x) => x.name === p.sdk && (!p.in || x.in === p.in));
    const where = p.wire ? ` (${p.in ? `${p.in} ` : ""}${p.wire})` : p.in ? ` (${p.in})` : "";
    if (!found) {
      report(`parameter ${p.sdk}${where} missing`);
      continue;
    }
    matched.add(found);
    if ((found.required === true) !== p.required)
      report(`parameter ${p.sdk}${where} required is ${found.required === true}, seed says ${p.required}`);
  }
  // The reverse direction: the spec must not demand what the seed does not state.
  for (const p of params) {
    if (p.required === true && !matched.has(p)) report(`required parameter ${p.name} (${p.in}) is not in the seed`);
  }
  if (body?.required === true && !want.params.some((p) => p.kind === "body"))
    report("requestBody is required but the seed has no body parameter");
}

function checkReturns(doc: OpenApiDocument, want: SeedOperation, op: any, report: (m: string) => void): void {
  const success = Object.entries<any>(op.responses ?? {})
    .filter(([code]) => /^2(\d\d|XX)$/i.test(code))
    .map(([code, raw]) => ({ code, content: Object.entries<any>(deref(doc, raw)?.content ?? {}) }));
  if (success.length === 0) {
    report("no 2xx response");
    return;
  }
  if (want.returns === null) {
    for (const r of success) if (r.content.length > 0) report(`response ${r.code} has a body, seed says void`);
    return;
  }
  const withBody = success.filter((r) => r.content.length > 0);
  if (withBody.length === 0) report(`no 2xx response has a body, seed returns ${want.returns}`);
  for (const r of withBody) {
    for (const [type, m] of r.content) {
      const problem = returnProblem(doc, want.returns, m.schema);
      if (problem) report(`response ${r.code} (${type}) ${problem}`);
    }
  }
}

/** Why `schema` does not carry the seed's return type, or undefined when it does. */
function returnProblem(doc: OpenApiDocument, returns: string, schema: any): string | undefined {
  const item = listOf(returns);
  if (item) {
    const s = deref(doc, schema);
    if (s?.type !== "array") return `schema is ${schemaName(schema)}, seed returns ${returns}`;
    return returnProblem(doc, item, s.items);
  }
  if (isModelName(returns)) {
    const got = schemaName(schema);
    return got === returns ? undefined : `schema is ${got}, seed returns ${returns}`;
  }
  if (returns === "object") {
    const untyped = schema && schema.$ref === undefined && (schema.type === undefined || schema.type === "object");
    return untyped ? undefined : `schema is ${schemaName(schema)}, seed returns an untyped object`;
  }
  const primitive = PRIMITIVES[returns];
  if (!primitive) return `cannot check return type ${returns}`;
  return deref(doc, schema)?.type === primitive
    ? undefined
    : `schema is ${schemaName(schema)}, seed returns ${returns}`;
}

function checkAuth(doc: OpenApiDocument, want: SeedOperation, op: any, report: (m: string) => void): void {
  const effective: Record<string, unknown>[] | undefined = op.security ?? doc.security;
  const requirements = (effective ?? []).map((r) => Object.keys(r).sort());
  if (want.auth.length === 0) {
    if (requirements.length > 0)
      report(`security is [${requirements.map(requirementText).join(", ")}], seed says no authorization`);
    return;
  }
  const expected = [...want.auth].sort().join(" ");
  if (!requirements.some((names) => names.join(" ") === expected)) {
    const has = requirements.length > 0 ? requirements.map(requirementText).join(", ") : "none";
    report(`security requirement ${requirementText(want.auth)} missing (has: ${has})`);
  }
  const schemes = doc.components?.securitySchemes ?? {};
  for (const name of want.auth) if (!(name in schemes)) report(`security scheme ${name} not defined`);
}

function checkMediaTypes(doc: OpenApiDocument, want: SeedOperation, op: any, report: (m: string) => void): void {
  if (want.contentType !== null) {
    const offered = Object.keys(deref(doc, op.requestBody)?.content ?? {});
    if (!offered.includes(want.contentType))
      report(`request content type ${want.contentType} missing (has: ${offered.join(", ") || "none"})`);
  }
  if (want.accept === null) return;
  const accepted = want.accept.split(",").map((t) => t.trim());
  if (accepted.includes("*/*")) return;
  for (const [code, raw] of Object.entries<any>(op.responses ?? {})) {
    if (!/^2(\d\d|XX)$/i.test(code)) continue;
    const offered = Object.keys(deref(doc, raw)?.content ?? {});
    if (offered.length > 0 && !offered.some((t) => accepted.includes(t))) {
      report(`response ${code} does not offer ${want.accept} (offers: ${offered.join(", ")})`);
    }
  }
}
