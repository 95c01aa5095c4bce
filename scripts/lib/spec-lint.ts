import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runOpenapiGenerator } from "./openapi-generator";
import { ROOT } from "./providers";

export interface LintResult {
  tool: "redocly" | "openapi-generator";
  spec: string;
  ok: boolean;
  /** The tool's own report; it names the file and the line:column (redocly) or the JSON path (generator). */
  output: string;
}

const REDOCLY = join(ROOT, "scripts", "node_modules", "@redocly", "cli", "bin", "cli.js");

/** Redocly CLI with the committed ruleset (redocly.yaml). */
export function redoclyLint(spec: string, config = join(ROOT, "redocly.yaml")): LintResult {
  const run = spawnSync(process.execPath, [REDOCLY, "lint", spec, `--config=${config}`, "--format=codeframe"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
  });
  return { tool: "redocly", spec, ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** openapi-generator's own validator, at the version pinned in openapitools.json. */
export function generatorValidate(spec: string): LintResult {
  const run = runOpenapiGenerator(["validate", "-i", spec]);
  const output = `${run.stdout}${run.stderr}`;
  return { tool: "openapi-generator", spec, ok: run.status === 0 && !/\[error\]/i.test(output), output };
}
