import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface CommandResult {
  ok: boolean;
  output: string;
}

/**
 * A fresh, empty npm project under the OS temp dir: outside the workspace, so no node_modules above it
 * can lend a package what its tarball forgot.
 */
export function createConsumerProject(label: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `sessionkit-consumer-${label}-`)));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: `consumer-${label}`, version: "0.0.0", private: true }, null, 2),
  );
  return dir;
}

export function removeTempDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * `npm install` of local tarballs; registry dependencies come from npm (cache first). `nested` keeps each
 * package's dependencies under it, so one package's dependency cannot satisfy another's missing one.
 */
export function npmInstall(dir: string, tarballs: readonly string[], timeoutMs = 100_000): CommandResult {
  return result(
    spawnSync(
      "npm",
      [
        "install",
        "--install-strategy=nested",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        ...tarballs,
      ],
      { cwd: dir, encoding: "utf8", timeout: timeoutMs, env: cleanEnv() },
    ),
  );
}

export function runCommand(dir: string, cmd: string, args: readonly string[], timeoutMs = 60_000): CommandResult {
  return result(spawnSync(cmd, args, { cwd: dir, encoding: "utf8", timeout: timeoutMs, env: cleanEnv() }));
}

// What `pnpm run` sets to describe the workspace package; npm settings a user exports (a registry) stay.
const WORKSPACE_ENV =
  /^(npm_package_|npm_lifecycle_|pnpm_|npm_config_user_agent$|npm_config_verify_deps_before_run$|npm_command$|npm_execpath$|npm_node_execpath$|INIT_CWD$|NODE_OPTIONS$)/i;

/** The consumer runs as a stranger to the workspace. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !WORKSPACE_ENV.test(k)));
}

function result(run: SpawnSyncReturns<string>): CommandResult {
  const timedOut = run.error && (run.error as NodeJS.ErrnoException).code === "ETIMEDOUT" ? "\n(timed out)" : "";
  return {
    ok: run.status === 0,
    output: `${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? `\n${run.error.message}` : ""}${timedOut}`,
  };
}
