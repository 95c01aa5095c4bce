import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./providers";

const CLI = join(ROOT, "scripts", "node_modules", "@openapitools", "openapi-generator-cli", "main.js");

/**
 * Runs the openapi-generator CLI at the version pinned in openapitools.json. The wrapper resolves its config and
 * jar folder from PWD/INIT_CWD (not the process cwd) and writes an empty openapitools.json wherever that points,
 * so both are pinned to the repo root: under turbo/pnpm they would be the package folder.
 */
export function runOpenapiGenerator(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, "--openapitools", join(ROOT, "openapitools.json"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PWD: ROOT, INIT_CWD: ROOT, OPENAPI_GENERATOR_CLI_SEARCH_URL: "DEFAULT" },
  });
}
