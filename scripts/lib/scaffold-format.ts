import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./providers";

const BIOME = join(ROOT, "node_modules", "@biomejs", "biome", "bin", "biome");

/**
 * Hand-written sources of a new package, run through the repo's Biome (formatter and safe fixes, biome.json) so the
 * scaffold passes `pnpm lint` as it is. `relPath` is where the file goes, relative to the repo root (it picks the
 * rules). Without Biome installed the source is returned as it is.
 */
export function formatSource(relPath: string, content: string): string {
  if (!existsSync(BIOME)) return content;
  const run = spawnSync(process.execPath, [BIOME, "check", "--write", `--stdin-file-path=${relPath}`], {
    cwd: ROOT,
    input: content,
    encoding: "utf8",
  });
  if (run.status !== 0 || !run.stdout.trim()) throw new Error(`biome could not format ${relPath}:\n${run.stderr}`);
  return run.stdout;
}
