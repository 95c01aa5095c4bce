/** Temporary folders for generated code and bundles, removed when the run ends (nothing lands in the repo). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];
let hooked = false;

export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sessionkit-bench-${label}-`));
  made.push(dir);
  if (!hooked) {
    hooked = true;
    process.on("exit", removeTempDirs);
  }
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
