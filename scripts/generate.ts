/**
 * `generate.ts [provider...]`            regenerate packages/<provider>/src/generated/ from specs/<provider>.yaml
 * `generate.ts --docs [provider...]`     regenerate packages/<provider>/docs/ (openapi-generator markdown reference)
 * `generate.ts --check [--docs] [...]`   exit 1, naming the files, when the committed output is stale
 * `--specs-dir <dir>`, `--packages-dir <dir>`   read specs / write packages elsewhere (tests run it on a temp tree)
 *
 * Every provider is generated in memory first; nothing is written unless all of them succeed, so a broken
 * spec never leaves a half-written src/generated/ behind.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { generateApiDocs } from "./lib/api-docs";
import { type GeneratedFile, generateProvider } from "./lib/codegen";
import { PACKAGES_DIR, ROOT, SPECS_DIR, generatedDir, listProviders, specPath } from "./lib/providers";
import { runCli } from "./lib/run-cli";

interface Plan {
  provider: string;
  dir: string;
  files: GeneratedFile[];
}

export interface Dirs {
  specsDir: string;
  packagesDir: string;
}

export async function plan(
  providers: string[],
  what: "code" | "docs" = "code",
  { specsDir, packagesDir }: Dirs = { specsDir: SPECS_DIR, packagesDir: PACKAGES_DIR },
): Promise<Plan[]> {
  const plans: Plan[] = [];
  const failures: string[] = [];
  for (const provider of providers) {
    const spec = specPath(provider, specsDir);
    try {
      plans.push(
        what === "code"
          ? { provider, dir: generatedDir(provider, packagesDir), files: await generateProvider(provider, spec) }
          : { provider, dir: join(packagesDir, provider, "docs"), files: generateApiDocs(spec) },
      );
    } catch (err) {
      failures.push((err as Error).message);
    }
  }
  if (failures.length > 0) throw new Error(failures.join("\n"));
  return plans;
}

/** Files that differ from (or are missing in, or are extra in) the committed output. */
export function staleFiles(p: Plan): string[] {
  const stale = p.files
    .filter((f) => !existsSync(join(p.dir, f.name)) || readFileSync(join(p.dir, f.name), "utf8") !== f.content)
    .map((f) => join(p.dir, f.name));
  const expected = new Set(p.files.map((f) => f.name));
  const extra = existsSync(p.dir)
    ? readdirSync(p.dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(p.dir, join(e.parentPath, e.name)))
        .filter((f) => !expected.has(f))
    : [];
  return [...stale, ...extra.map((f) => join(p.dir, f))];
}

function write(p: Plan): number {
  const changed = staleFiles(p);
  if (changed.length === 0) return 0;
  rmSync(p.dir, { recursive: true, force: true });
  mkdirSync(p.dir, { recursive: true });
  for (const f of p.files) {
    mkdirSync(dirname(join(p.dir, f.name)), { recursive: true });
    writeFileSync(join(p.dir, f.name), f.content);
  }
  return changed.length;
}

/** `--name value` options taken out of argv; the rest (flags and provider names) is returned as is. */
function takeOption(argv: string[], name: string): { value: string | undefined; rest: string[] } {
  const at = argv.indexOf(name);
  if (at < 0) return { value: undefined, rest: argv };
  const value = argv[at + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a directory`);
  return { value, rest: [...argv.slice(0, at), ...argv.slice(at + 2)] };
}

export async function main(args: string[]): Promise<number> {
  const specs = takeOption(args, "--specs-dir");
  const packages = takeOption(specs.rest, "--packages-dir");
  const argv = packages.rest;
  const dirs: Dirs = { specsDir: specs.value ?? SPECS_DIR, packagesDir: packages.value ?? PACKAGES_DIR };
  const check = argv.includes("--check");
  const what = argv.includes("--docs") ? "docs" : "code";
  const named = argv.filter((a) => !a.startsWith("--"));
  const known = listProviders(dirs.specsDir);
  const unknown = named.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    console.error(`unknown provider(s): ${unknown.join(", ")} (specs/ has: ${known.join(", ")})`);
    return 2;
  }
  const plans = await plan(named.length > 0 ? named : known, what, dirs);
  if (check) {
    const stale = plans.flatMap(staleFiles).map((f) => relative(ROOT, f));
    if (stale.length > 0) {
      console.error(`generated code is stale; run \`pnpm generate\` and commit:\n  ${stale.join("\n  ")}`);
      return 1;
    }
    console.log(`generated ${what} is up to date (${plans.map((p) => p.provider).join(", ")})`);
    return 0;
  }
  for (const p of plans) {
    const n = write(p);
    const where = relative(ROOT, p.dir);
    console.log(
      `${p.provider.padEnd(12)} ${what} ${n === 0 ? "unchanged" : `wrote ${n} file(s)`} (${p.files.length} in ${where}/)`,
    );
  }
  return 0;
}

runCli(module, main);
