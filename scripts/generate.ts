/**
 * `generate.ts [provider...]`            regenerate packages/<provider>/src/generated/ from specs/<provider>.yaml
 * `generate.ts --docs [provider...]`     regenerate packages/<provider>/docs/ (openapi-generator markdown reference)
 * `generate.ts --check [--docs] [...]`   exit 1, naming the files, when the committed output is stale
 *
 * Every provider is generated in memory first; nothing is written unless all of them succeed, so a broken
 * spec never leaves a half-written src/generated/ behind.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { generateApiDocs } from "./lib/api-docs";
import { type GeneratedFile, generateProvider } from "./lib/codegen";
import { PACKAGES_DIR, ROOT, generatedDir, listProviders, specPath } from "./lib/providers";

interface Plan {
  provider: string;
  dir: string;
  files: GeneratedFile[];
}

export async function plan(providers: string[], what: "code" | "docs" = "code"): Promise<Plan[]> {
  const plans: Plan[] = [];
  const failures: string[] = [];
  for (const provider of providers) {
    try {
      plans.push(
        what === "code"
          ? { provider, dir: generatedDir(provider), files: await generateProvider(provider, specPath(provider)) }
          : { provider, dir: join(PACKAGES_DIR, provider, "docs"), files: generateApiDocs(specPath(provider)) },
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

async function main(argv: string[]): Promise<number> {
  const check = argv.includes("--check");
  const what = argv.includes("--docs") ? "docs" : "code";
  const named = argv.filter((a) => !a.startsWith("--"));
  const known = listProviders();
  const unknown = named.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    console.error(`unknown provider(s): ${unknown.join(", ")} (specs/ has: ${known.join(", ")})`);
    return 2;
  }
  const plans = await plan(named.length > 0 ? named : known, what);
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
    console.log(`${p.provider.padEnd(12)} ${what} ${n === 0 ? "unchanged" : `wrote ${n} file(s)`} (${p.files.length} in ${where}/)`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
