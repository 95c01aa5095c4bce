import { type AuthWiring, hasCredentials } from "./scaffold-auth";
import type { ScaffoldContext } from "./scaffold-context";
import { fillTemplate, tsLiteral } from "./scaffold-template";

const IDEMPOTENT = new Set(["get", "head", "options", "put", "delete"]);
const TOKEN = "contract-test-token";

/**
 * test/contract/<name>.contract.test.ts: every operation once with the spec's examples, every documented status
 * through `withResponse`; plus, when the spec allows, "refused before any request" and "retried on 503/429".
 */
export function renderContractTest(ctx: ScaffoldContext): string {
  const requests = Object.fromEntries(ctx.operations.map((op) => [op.id, op.init]));
  const optional: string[] = [];

  const secured = ctx.operations.find((op) => op.auth === "required");
  if (secured && (ctx.wiring.bearerSchemes.length > 0 || ctx.wiring.apiKeys.length > 0)) {
    optional.push(fillTemplate("refused.test.ts.tmpl", { operationId: secured.id }));
  }
  const retried = ctx.operations
    .filter((op) => IDEMPOTENT.has(op.method))
    .flatMap((op) => [503, 429].filter((s) => op.statuses.includes(s)).map((status) => ({ op, status })))[0];
  if (retried)
    optional.push(fillTemplate("retry.test.ts.tmpl", { operationId: retried.op.id, status: retried.status }));

  return fillTemplate("contract.test.ts.tmpl", {
    name: ctx.name,
    Name: ctx.Name,
    credentials: tsLiteral(contractCredentials(ctx.wiring), 0, 120, "const credentials = ".length),
    requests: tsLiteral(requests, 0, 120, "const requests: Record<string, object> = ".length),
    credentialCheck: credentialCheck(ctx.wiring),
    // Unused (and so named `_call`) when the client wires no credential to look for.
    callParam: hasCredentials(ctx.wiring) ? "call" : "_call",
    optionalTests: optional.join(""),
  });
}

/** Present-but-fake credentials in the client's option shape (`token`, `apiKeys`). */
export function contractCredentials(wiring: AuthWiring): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (wiring.bearerSchemes.length > 0) out.token = TOKEN;
  const names = wiring.apiKeys.flatMap((g) => g.names);
  if (names.length > 0) out.apiKeys = Object.fromEntries(names.map((n) => [n, keyValue(n)]));
  return out;
}

function keyValue(name: string): string {
  return `contract-test-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

/** The body of `credentialSent(call)`: true when any credential the client wires is on the recorded request. */
function credentialCheck(wiring: AuthWiring): string {
  const checks: string[] = [];
  if (wiring.bearerSchemes.length > 0) checks.push(`call.requestHeaders.authorization === "Bearer ${TOKEN}"`);
  for (const g of wiring.apiKeys) {
    for (const n of g.names) {
      const value = JSON.stringify(keyValue(n));
      if (g.in === "header") checks.push(`call.requestHeaders[${JSON.stringify(n.toLowerCase())}] === ${value}`);
      if (g.in === "query") checks.push(`new URL(call.url).searchParams.get(${JSON.stringify(n)}) === ${value}`);
      if (g.in === "cookie")
        checks.push(`(call.requestHeaders.cookie ?? "").split("; ").includes(${JSON.stringify(`${n}=`)} + ${value})`);
    }
  }
  if (checks.length === 0)
    return "  // This client wires no security scheme, so it never sends a credential.\n  return false;";
  return `  return (\n${checks.map((c) => `    ${c}`).join(" ||\n")}\n  );`;
}
