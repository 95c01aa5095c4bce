import { expectedErrorName } from "@sessionkit/mocks/testing";
import { contractCredentials } from "./scaffold-contract-test";
import type { ScaffoldContext } from "./scaffold-context";
import { fillTemplate, tsKey, tsLiteral } from "./scaffold-template";

/** README.md: install, a usage example calling the first operations against the mock, errors, the mock. */
export function renderReadme(ctx: ScaffoldContext): string {
  return fillTemplate("README.md.tmpl", {
    name: ctx.name,
    Name: ctx.Name,
    NAME: ctx.name.toUpperCase(),
    title: ctx.title,
    description: ctx.description ? `\n${ctx.description}\n` : "",
    port: ctx.port,
    authUsage: authUsage(ctx),
    usage: usage(ctx),
    errors: errorList(ctx),
    basePathNote: ctx.basePath
      ? ` Leave out the spec's base path \`${ctx.basePath}\`: Prism serves the paths at its root.`
      : "",
  });
}

function authUsage(ctx: ScaffoldContext): string {
  const { wiring } = ctx;
  const parts: string[] = [];
  if (wiring.bearerSchemes.length > 0)
    parts.push("Pass `token`; secured operations send it as `Authorization: Bearer <token>`.");
  for (const g of wiring.apiKeys)
    parts.push(
      `Pass \`apiKeys\`; secured operations send ${g.names.map((n) => `\`${n}\``).join(", ")} in the ${g.in}.`,
    );
  if (wiring.unsupported.length > 0)
    parts.push(`Schemes not wired yet: ${wiring.unsupported.map((u) => `\`${u.scheme}\` (${u.type})`).join(", ")}.`);
  return parts.join(" ") || "The spec declares no credentials.";
}

/** Creates the client against the local mock and calls the first three operations with the spec's examples. */
function usage(ctx: ScaffoldContext): string {
  const client = ctx.name;
  const credentialOptions = Object.keys(contractCredentials(ctx.wiring)).map((key) =>
    key === "token"
      ? `token: process.env.${ctx.name.toUpperCase()}_TOKEN`
      : `apiKeys: { ${ctx.wiring.apiKeys
          .flatMap((g) => g.names)
          .map((n) => `${tsKey(n)}: process.env.${envName(ctx.name, n)}`)
          .join(", ")} }`,
  );
  const options = [`baseUrl: "http://127.0.0.1:${ctx.port}"`, ...credentialOptions].join(", ");
  const lines = [`const ${client} = create${ctx.Name}Client({ ${options} });`, ""];
  for (const op of ctx.operations.slice(0, 3)) {
    const call = `const ${op.id}Reply = await ${client}.${op.id}(`;
    const init = Object.keys(op.init).length > 0 ? tsLiteral(op.init, 0, 120, call.length) : "";
    lines.push(`// ${op.method.toUpperCase()} ${op.path}${op.summary ? `: ${op.summary}` : ""}`);
    lines.push(`${call}${init});`);
  }
  return lines.join("\n");
}

function errorList(ctx: ScaffoldContext): string {
  const byStatus = new Map<string, { status: number; name: string; ops: string[] }>();
  for (const op of ctx.operations) {
    for (const status of op.statuses.filter((s) => s >= 300)) {
      const name = expectedErrorName(status, op.errors[String(status)]);
      const key = `${status} ${name}`;
      const entry = byStatus.get(key) ?? { status, name, ops: [] };
      entry.ops.push(op.id);
      byStatus.set(key, entry);
    }
  }
  if (byStatus.size === 0) return "(none)";
  return [...byStatus.values()]
    .sort((a, b) => a.status - b.status)
    .map((e) => `- ${e.status}: \`${e.name}\` (${e.ops.join(", ")})`)
    .join("\n");
}

function envName(provider: string, key: string): string {
  return `${provider}_${key}`.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
}
