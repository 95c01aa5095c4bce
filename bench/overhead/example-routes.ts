/**
 * The stub server's routes, read from a spec: each operation answers its documented 200 example. The server
 * also enforces the little a contender could get wrong without noticing (the declared Content-Type, a required
 * body, the security requirement's credentials), so every contender provably sends the same kind of request.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

export interface Credential {
  in: "header" | "query" | "cookie";
  name: string;
}

export interface Route {
  method: string;
  path: string;
  /** The 200 example, serialised once. */
  body: Buffer;
  mediaTypes: string[];
  bodyRequired: boolean;
  /** Alternatives; one must be fully present. Empty: anonymous. */
  security: Credential[][];
}

export function routesFromSpec(file: string): Route[] {
  const doc = parse(readFileSync(file, "utf8"));
  const schemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> =
    doc.components?.securitySchemes ?? {};
  const routes: Route[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const requirements: Record<string, unknown>[] = op.security ?? doc.security ?? [];
      const security = requirements.some((req) => Object.keys(req).length === 0)
        ? []
        : requirements.map((req) => Object.keys(req).map((name) => credentialOf(schemes[name], name)));
      routes.push({
        method: method.toUpperCase(),
        path,
        body: Buffer.from(JSON.stringify(example200(op) ?? {})),
        mediaTypes: Object.keys(op.requestBody?.content ?? {}),
        bodyRequired: op.requestBody?.required === true,
        security,
      });
    }
  }
  return routes;
}

function credentialOf(scheme: { type: string; in?: string; name?: string } | undefined, name: string): Credential {
  if (scheme?.type === "apiKey" && (scheme.in === "header" || scheme.in === "query" || scheme.in === "cookie")) {
    return { in: scheme.in, name: scheme.name ?? name };
  }
  return { in: "header", name: "authorization" }; // http bearer/basic and oauth all travel in Authorization
}

function example200(op: any): unknown {
  const media = op.responses?.["200"]?.content?.["application/json"];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values<{ value?: unknown }>(media.examples ?? {})[0];
  return first?.value;
}

/** The parsed 200 example of one operation (what the stub server answers it with). */
export function exampleBody(file: string, method: string, path: string): any {
  const route = routesFromSpec(file).find((r) => r.method === method.toUpperCase() && r.path === path);
  if (!route) throw new Error(`${file} has no ${method.toUpperCase()} ${path}`);
  return JSON.parse(route.body.toString("utf8"));
}
