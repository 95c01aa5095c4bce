import { hasCredentials } from "./scaffold-auth";
import { type ScaffoldContext, loginCandidate } from "./scaffold-context";
import { fillTemplate, tsAccess, tsKey } from "./scaffold-template";

/**
 * src/client.ts: `create<Name>Client` on createApiClient, with the auth strategies the spec's schemes call for.
 * Layout is left to Biome (scaffold-format), so lines here only need to be valid TypeScript.
 */
export function renderClient(ctx: ScaffoldContext): string {
  const { wiring, name } = ctx;
  const usesBearer = wiring.bearerSchemes.length > 0;
  const keyNames = wiring.apiKeys.flatMap((g) => g.names);
  const imports = [
    "type ClientOptions",
    ...(keyNames.length > 0 ? ["apiKeys"] : []),
    ...(usesBearer ? ["bearer"] : []),
    "createApiClient",
    "extendClient",
  ];

  const optionFields: string[] = [];
  if (usesBearer) {
    optionFields.push(
      `  /** Sent as \`Authorization: Bearer <token>\` (${schemesPhrase(wiring.bearerSchemes)}); a login can set it instead. */`,
      "  token?: string;",
    );
  }
  if (keyNames.length > 0) {
    const where = wiring.apiKeys.flatMap((g) => g.names.map((n) => `\`${n}\` (${g.in})`)).join(", ");
    optionFields.push(
      `  /** API keys, each sent where the spec puts it: ${where}. */`,
      `  apiKeys?: { ${keyNames.map((n) => `${tsKey(n)}?: string`).join("; ")} };`,
    );
  }

  const state: string[] = [];
  if (usesBearer) state.push("token: options.token");
  if (keyNames.length > 0) state.push("apiKeys: { ...options.apiKeys }");
  const credentialState =
    state.length === 0
      ? ""
      : "  /** Read by the auth strategies at request time; lifecycle methods update it (a login stores what it receives). */\n" +
        `  const credentials = { ${state.join(", ")} };\n`;

  const strategies = [
    ...(usesBearer ? [`bearer(() => credentials.token, { provider: "${name}" })`] : []),
    ...wiring.apiKeys.map((g) => {
      const keys = g.names.map((n) => `${tsKey(n)}: () => ${tsAccess("credentials.apiKeys", n)}`);
      return `apiKeys({ provider: "${name}", in: "${g.in}", keys: { ${keys.join(", ")} } })`;
    }),
  ];

  return fillTemplate("client.ts.tmpl", {
    name,
    Name: ctx.Name,
    title: ctx.title.replace(/\.$/, ""),
    imports: `import {\n${imports.map((i) => `  ${i},\n`).join("")}} from "@sessionkit/auth-helpers";`,
    optionFields: optionFields.map((l) => `${l}\n`).join(""),
    authSummary: authSummary(ctx),
    credentialState,
    strategies: strategies.length === 0 ? "" : `\n${strategies.map((s) => `      ${s},\n`).join("")}    `,
    lifecycle: lifecycleHint(ctx),
  });
}

/** src/index.ts: the client, its types, the generated types and the shared error classes. */
export function renderIndex(ctx: ScaffoldContext): string {
  return fillTemplate("index.ts.tmpl", { Name: ctx.Name });
}

function authSummary(ctx: ScaffoldContext): string {
  const { wiring } = ctx;
  const parts: string[] = [];
  if (wiring.bearerSchemes.length > 0) {
    parts.push(`Secured operations carry \`Authorization: Bearer <token>\` (${schemesPhrase(wiring.bearerSchemes)}).`);
  }
  if (wiring.apiKeys.length > 0) {
    parts.push(
      `Secured operations carry the API keys ${wiring.apiKeys.flatMap((g) => g.names.map((n) => `\`${n}\` (${g.in})`)).join(", ")}.`,
    );
  }
  if (wiring.requirements.length > 1) {
    const list = wiring.requirements.map((r) => r.join(" + ")).join(" | ");
    parts.push(
      `NOTE: the spec accepts alternative credentials (${list}), but as generated every secured call needs all ` +
        "of them: fit the strategies to the alternatives before relying on them.",
    );
  }
  if (wiring.unsupported.length > 0) {
    const list = wiring.unsupported.map((u) => `\`${u.scheme}\` (${u.type})`).join(", ");
    parts.push(
      `NOT WIRED YET: ${list}; add its strategy (see @sessionkit/auth-helpers) before calling operations that need it.`,
    );
  }
  if (parts.length === 0) parts.push("The spec declares no security scheme, so no credentials are sent.");
  return parts.flatMap((p) => wrap(p, 114)).join("\n * ");
}

/** The TODO for the maintainer, with an example lifecycle method for the likeliest login (or the first operation). */
function lifecycleHint(ctx: ScaffoldContext): string {
  if (!hasCredentials(ctx.wiring)) {
    return [
      "TODO(new-provider): this spec declares no credential the client sends. If the API has a session anyway,",
      "wrap the operations that start, renew or end it here, under the same names as the operations they wrap.",
    ]
      .map((l) => `    // ${l}`)
      .join("\n");
  }
  const op = loginCandidate(ctx) ?? ctx.operations[0]!;
  const keyName = ctx.wiring.apiKeys[0]?.names[0];
  const store =
    ctx.wiring.bearerSchemes.length > 0
      ? "credentials.token = reply.<the token field>;"
      : `${tsAccess("credentials.apiKeys", keyName!)} = reply.<the key field>;`;
  return [
    "TODO(new-provider): wrap the operations that start, renew or end a session here, under the same names",
    "as the operations they wrap. Check required inputs first (`requireFields` throws MissingCredentialsError",
    "before any request) and keep what the vendor hands out in `credentials` above, e.g. (with OperationInit and",
    "requireFields imported from @sessionkit/auth-helpers):",
    `  async ${op.id}(init: OperationInit<Operations["${op.id}"]>) {`,
    `    const reply = await api.ops.${op.id}(init);`,
    `    ${store}`,
    "    return reply;",
    "  },",
  ]
    .map((l) => `    // ${l}`)
    .join("\n");
}

function schemesPhrase(schemes: string[]): string {
  return `security scheme${schemes.length > 1 ? "s" : ""} ${schemes.map((s) => `\`${s}\``).join(", ")}`;
}

/** Splits text into lines of at most `width` characters at spaces (a longer word keeps its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}
