/**
 * `pnpm lint:specs [spec.yaml...]`: every spec through Redocly (committed ruleset, examples validated against their
 * schemas) and openapi-generator's validator. Exit 1 on any problem, printing where it is.
 */
import { relative } from "node:path";
import { type LintResult, generatorValidate, redoclyLint } from "./lib/spec-lint";
import { ROOT, listProviders, specPath } from "./lib/providers";
import { runCli } from "./lib/run-cli";

function main(argv: string[]): number {
  const specs = argv.length > 0 ? argv : listProviders().map((p) => relative(ROOT, specPath(p)));
  const results: LintResult[] = specs.flatMap((spec) => [redoclyLint(spec), generatorValidate(spec)]);
  for (const r of results) {
    console.log(`${r.ok ? "ok  " : "FAIL"} ${r.tool.padEnd(18)} ${r.spec}`);
    if (!r.ok) console.log(indent(r.output.trim()));
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`spec lint: ${results.length - failed} ok, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function indent(text: string): string {
  return text
    .split("\n")
    .filter((l) => !/Deprecation warning|Node\.js 20|upgrade|╔|╚|║\s*$/.test(l))
    .map((l) => `    ${l}`)
    .join("\n");
}

runCli(module, main);
