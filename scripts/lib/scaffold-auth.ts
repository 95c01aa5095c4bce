import type { OpenApiDocument } from "./spec-loader";

export type KeyLocation = "header" | "query" | "cookie";

/** How a scaffolded client places credentials, derived from the spec's securitySchemes. */
export interface AuthWiring {
  /** Schemes whose credential is `Authorization: Bearer <token>`: the client gets a `token` option and `bearer`. */
  bearerSchemes: string[];
  /** API keys by location (one `apiKeys` strategy per location), the parameter names as the spec spells them. */
  apiKeys: { in: KeyLocation; names: string[] }[];
  /** Schemes the scaffold cannot wire (http basic, ...): left to the maintainer, named in the client and the output. */
  unsupported: { scheme: string; type: string }[];
  /** The distinct non-empty security requirements (schemes AND-ed within one); more than one means alternatives. */
  requirements: string[][];
}

const BEARER_TYPES = new Set(["oauth2", "openIdConnect"]);

/**
 * http bearer, oauth2 / openIdConnect (which Prism also checks as `Bearer <token>`) and an apiKey header named
 * Authorization become one bearer token; other apiKey schemes become named keys where the spec puts them. Only
 * schemes some security requirement uses count, in the order the spec declares them.
 */
export function authWiring(doc: OpenApiDocument): AuthWiring {
  const requirements = securityRequirements(doc);
  const used = new Set(requirements.flat());
  const wiring: AuthWiring = { bearerSchemes: [], apiKeys: [], unsupported: [], requirements };
  for (const [name, scheme] of Object.entries<any>(doc.components?.securitySchemes ?? {})) {
    if (!used.has(name)) continue;
    const type = String(scheme?.type);
    const isAuthorizationKey =
      type === "apiKey" && scheme.in === "header" && String(scheme.name).toLowerCase() === "authorization";
    if (
      (type === "http" && String(scheme.scheme).toLowerCase() === "bearer") ||
      BEARER_TYPES.has(type) ||
      isAuthorizationKey
    ) {
      wiring.bearerSchemes.push(name);
    } else if (type === "apiKey" && ["header", "query", "cookie"].includes(scheme.in)) {
      const location = scheme.in as KeyLocation;
      const group = wiring.apiKeys.find((g) => g.in === location) ?? { in: location, names: [] };
      if (!wiring.apiKeys.includes(group)) wiring.apiKeys.push(group);
      if (!group.names.includes(scheme.name)) group.names.push(String(scheme.name));
    } else {
      wiring.unsupported.push({ scheme: name, type: type === "http" ? `http ${scheme.scheme}` : type });
    }
  }
  return wiring;
}

/** The distinct requirement objects of the global and the operations' security, each as its sorted scheme names. */
function securityRequirements(doc: OpenApiDocument): string[][] {
  const all: unknown[] = [...(doc.security ?? [])];
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values<any>(item ?? {})) if (Array.isArray(op?.security)) all.push(...op.security);
  }
  const distinct = new Map<string, string[]>();
  for (const requirement of all) {
    const names = Object.keys((requirement as object) ?? {}).sort();
    if (names.length > 0) distinct.set(names.join("+"), names);
  }
  return [...distinct.values()];
}

export function hasCredentials(wiring: AuthWiring): boolean {
  return wiring.bearerSchemes.length > 0 || wiring.apiKeys.length > 0;
}
