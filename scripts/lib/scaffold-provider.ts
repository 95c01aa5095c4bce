import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { generateApiDocs } from "./api-docs";
import { generateProvider } from "./codegen";
import { ROOT } from "./providers";
import type { AuthWiring } from "./scaffold-auth";
import { renderClient, renderIndex } from "./scaffold-client";
import { scaffoldContext } from "./scaffold-context";
import { renderContractTest } from "./scaffold-contract-test";
import { formatSource } from "./scaffold-format";
import { checkName, checkSpec, repoLayout } from "./scaffold-input";
import { MODEL_PROVIDER, packageFiles } from "./scaffold-package";
import { nextFreePort, withPort } from "./scaffold-port";
import { renderReadme } from "./scaffold-readme";

export interface ScaffoldOptions {
  name: string | undefined;
  specFile: string | undefined;
  /** The repository to scaffold into (tests pass a copy of its layout). */
  root: string;
  /** Also generate docs/ (openapi-generator markdown, needs Java); default true. */
  docs?: boolean;
}

export interface ScaffoldResult {
  name: string;
  port: number;
  wiring: AuthWiring;
  /** Every file written, relative to the root. */
  files: string[];
}

/**
 * `pnpm new-provider <name> <spec>`: checks the input, renders everything in memory (config files from the model
 * package, client, index, README, contract test, the generated code and docs), and only then writes
 * specs/<name>.yaml, packages/<name>/ and the new port in mocks/ports.json, so bad input leaves no trace.
 */
export async function scaffoldProvider(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const layout = repoLayout(options.root);
  const name = checkName(options.name, layout, options.specFile);
  const spec = checkSpec(options.specFile, join(ROOT, "redocly.yaml"));
  const specFile = options.specFile!;
  const portsText = readFileSync(layout.portsFile, "utf8");
  const port = nextFreePort(JSON.parse(portsText));
  const ctx = scaffoldContext(name, spec.doc, port);

  const pkgDir = join(layout.packagesDir, name);
  const inPackage = (dir: string, files: { name: string; content: string }[]) =>
    files.map((f) => ({ path: join(pkgDir, dir, f.name), content: f.content }));
  const files = [
    { path: join(layout.specsDir, `${name}.yaml`), content: spec.text },
    ...inPackage("", packageFiles(join(layout.packagesDir, MODEL_PROVIDER), name, ctx.title)),
    ...inPackage("", [{ name: "README.md", content: renderReadme(ctx) }]),
    ...inPackage("src", [
      { name: "index.ts", content: formatSource(`packages/${name}/src/index.ts`, renderIndex(ctx)) },
      { name: "client.ts", content: formatSource(`packages/${name}/src/client.ts`, renderClient(ctx)) },
    ]),
    ...inPackage(join("src", "generated"), await generateProvider(name, specFile)),
    ...inPackage(join("test", "contract"), [
      {
        name: `${name}.contract.test.ts`,
        content: formatSource(`packages/${name}/test/contract/${name}.contract.test.ts`, renderContractTest(ctx)),
      },
    ]),
    ...(options.docs === false ? [] : inPackage("docs", generateApiDocs(specFile))),
    { path: layout.portsFile, content: withPort(portsText, name, port) },
  ];

  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
  }
  return { name, port, wiring: ctx.wiring, files: files.map((f) => relative(layout.root, f.path)) };
}

/** What the maintainer does next, in order. */
export function nextSteps(result: ScaffoldResult, docs: boolean): string[] {
  const { name, port, wiring } = result;
  const steps = [
    `pnpm install   # links @sessionkit/${name} into the workspace (adds it to pnpm-lock.yaml)`,
    `Write the session lifecycle in packages/${name}/src/client.ts (the block marked TODO(new-provider)): login / refresh / ` +
      "logout wrappers that check inputs with requireFields and keep the credential; packages/koyeb is the model",
    `Add tests for it: a lifecycle test in packages/${name}/test/contract/${name}.contract.test.ts, injected-fetch tests in test/unit/`,
    `cd packages/${name} && pnpm exec tsc --noEmit -p . && pnpm exec tsup && pnpm exec jest`,
    `pnpm mock ${name}   # Prism on http://127.0.0.1:${port}`,
    `pnpm lint:specs specs/${name}.yaml && pnpm check:generated`,
    `List @sessionkit/${name} in the README's provider table and in mocks/test/ports.test.ts (it names every provider)`,
  ];
  if (!docs) steps.splice(1, 0, `pnpm --filter @sessionkit/${name} generate:docs   # docs/ was skipped (--no-docs)`);
  if (wiring.unsupported.length > 0) {
    const list = wiring.unsupported.map((u) => `${u.scheme} (${u.type})`).join(", ");
    steps.splice(1, 0, `Wire the security scheme(s) the scaffold could not: ${list} (src/client.ts says where)`);
  }
  return steps;
}
