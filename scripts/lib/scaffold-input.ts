import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { checkForCodegen } from "./spec-checks";
import { redoclyLint } from "./spec-lint";
import { type LoadedSpec, loadSpec } from "./spec-loader";

/** Bad input: the message says what is wrong and what to do; the command exits 2 and writes nothing. */
export class ScaffoldInputError extends Error {
  override name = "ScaffoldInputError";
}

/** Where a repository (the real one, or a copy of its layout for tests) keeps what the scaffold touches. */
export interface RepoLayout {
  root: string;
  specsDir: string;
  packagesDir: string;
  portsFile: string;
}

export function repoLayout(root: string): RepoLayout {
  return {
    root,
    specsDir: join(root, "specs"),
    packagesDir: join(root, "packages"),
    portsFile: join(root, "mocks", "ports.json"),
  };
}

const NAME = /^[a-z][a-z0-9]*$/;
/** Workspace packages outside packages/ whose @sessionkit/<name> a provider must not take. */
const WORKSPACE_PACKAGES = new Set(["mocks", "scripts", "bench"]);
/** Members every client adds next to the operations (`...api.ops`): an operation with one of these names would be lost. */
const CLIENT_MEMBERS = new Set(["baseUrl", "withResponse", "raw"]);

/**
 * The provider name becomes @sessionkit/<name>, specs/<name>.yaml and SESSIONKIT_MOCK_PORT_<NAME>. A spec already
 * written to specs/<name>.yaml and passed as the spec file itself is fine: that is where a new spec is written.
 */
export function checkName(name: string | undefined, layout: RepoLayout, specFile?: string): string {
  if (!name || !NAME.test(name)) {
    throw new ScaffoldInputError(
      `provider name ${JSON.stringify(name ?? "")} is not a lowercase identifier: use a letter followed by letters or ` +
        "digits (it becomes @sessionkit/<name>, specs/<name>.yaml and SESSIONKIT_MOCK_PORT_<NAME>)",
    );
  }
  if (WORKSPACE_PACKAGES.has(name)) {
    throw new ScaffoldInputError(
      `provider name "${name}" is taken by the workspace package @sessionkit/${name}; pick another name`,
    );
  }
  const ports = JSON.parse(readFileSync(layout.portsFile, "utf8")) as Record<string, unknown>;
  const ownSpec = join(layout.specsDir, `${name}.yaml`);
  const taken = [
    existsSync(ownSpec) && !(specFile && resolve(specFile) === resolve(ownSpec)) && `specs/${name}.yaml`,
    existsSync(join(layout.packagesDir, name)) && `packages/${name}/`,
    name in ports && `a port in mocks/ports.json`,
  ].filter(Boolean);
  if (taken.length > 0) {
    throw new ScaffoldInputError(`provider "${name}" already exists (${taken.join(", ")}); pick another name`);
  }
  return name;
}

/**
 * The spec must be a readable OpenAPI 3.0.x document with at least one operation, pass the codegen checks
 * (operationIds, path parameters) and the repo's Redocly ruleset, so the new package builds and `pnpm test`
 * (which lints every spec) stays green.
 */
export function checkSpec(file: string | undefined, lintConfig: string): LoadedSpec {
  if (!file) throw new ScaffoldInputError("no spec file given");
  if (!existsSync(file) || !statSync(file).isFile()) throw new ScaffoldInputError(`spec file not found: ${file}`);
  let spec: LoadedSpec;
  try {
    spec = loadSpec(file);
    if (!/^3\.0\.\d+$/.test(spec.doc.openapi ?? "")) {
      throw spec.errorAt(
        "#/openapi",
        `OpenAPI ${spec.doc.openapi} is not supported here; write the spec in OpenAPI 3.0.3`,
      );
    }
    checkForCodegen(spec);
  } catch (err) {
    throw new ScaffoldInputError(`the spec is not usable: ${(err as Error).message}`);
  }
  const ids = Object.values(spec.doc.paths ?? {}).flatMap((item) =>
    Object.values<any>(item ?? {})
      .map((op) => op?.operationId)
      .filter(Boolean),
  );
  if (ids.length === 0) throw new ScaffoldInputError(`the spec is not usable: ${file} declares no operations`);
  const clash = ids.find((id) => CLIENT_MEMBERS.has(id));
  if (clash)
    throw new ScaffoldInputError(
      `the spec is not usable: operationId "${clash}" collides with the client's own "${clash}" member`,
    );

  const lint = redoclyLint(file, lintConfig);
  if (!lint.ok) {
    const report = lint.output
      .split("\n")
      .filter(
        (l) =>
          l.trim() &&
          !/Deprecation warning|Node\.js|nodejs\.org|[╔╚║═]|^validating |validated in|generate-ignore-file/.test(l),
      )
      .map((l) => `    ${l}`)
      .join("\n");
    throw new ScaffoldInputError(
      `the spec does not pass the repo's spec lint (redocly, ${relative(process.cwd(), lintConfig)}):\n${report}`,
    );
  }
  return spec;
}
