import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { GeneratedFile } from "./codegen";
import { runOpenapiGenerator } from "./openapi-generator";
import { ROOT } from "./providers";

/**
 * The markdown API reference openapi-generator (pinned in openapitools.json) writes for a spec: README.md,
 * Apis/<Tag>Api.md, Models/<Model>.md — the same generator family the vendors' SDK docs come from. Only the
 * markdown is kept (not the generator's own bookkeeping files), so the output is deterministic.
 */
export function generateApiDocs(specFile: string): GeneratedFile[] {
  const out = mkdtempSync(join(tmpdir(), "sk-docs-"));
  try {
    const run = runOpenapiGenerator(["generate", "-g", "markdown", "-i", specFile, "-o", out]);
    if (run.status !== 0) {
      throw new Error(`${relative(ROOT, specFile)}: openapi-generator failed:\n${run.stdout}${run.stderr}`);
    }
    return listMarkdown(out).map((file) => ({ name: relative(out, file), content: readFileSync(file, "utf8") }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listMarkdown(path) : name.endsWith(".md") ? [path] : [];
    })
    .sort();
}
