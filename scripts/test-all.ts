/**
 * The one test command (`pnpm test`, also what .ci/run calls): generated-code drift, spec lint, type checks,
 * then every workspace's jest suite through turbo. Ends with the plain line `N passed, N failed`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib/providers";

interface Tally {
  passed: number;
  failed: number;
}

const RESULTS_FILE = ".jest-results.json";
const WORKSPACES = ["packages", "mocks", "scripts", "bench", "tests/reliability"].flatMap((dir) =>
  dir === "packages" ? readdirSync(join(ROOT, dir)).map((p) => join(dir, p)) : [dir],
);

function step(name: string, cmd: string, args: string[]): boolean {
  const started = Date.now();
  console.log(`\n── ${name}: ${[cmd, ...args].join(" ")}`);
  const run = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  const ok = run.status === 0;
  console.log(`── ${name}: ${ok ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** Sums every workspace's jest --json output; a workspace whose run left no results counts as one failure. */
function jestTally(expected: string[]): Tally {
  const tally: Tally = { passed: 0, failed: 0 };
  for (const ws of expected) {
    const file = join(ROOT, ws, RESULTS_FILE);
    if (!existsSync(file)) {
      console.log(`no jest results from ${ws}`);
      tally.failed += 1;
      continue;
    }
    const r = JSON.parse(readFileSync(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numRuntimeErrorTestSuites: number;
    };
    tally.passed += r.numPassedTests;
    tally.failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  return tally;
}

function main(): number {
  const withTests = WORKSPACES.filter((ws) => {
    const pkg = join(ROOT, ws, "package.json");
    return existsSync(pkg) && Boolean(JSON.parse(readFileSync(pkg, "utf8")).scripts?.test);
  });
  for (const ws of withTests) rmSync(join(ROOT, ws, RESULTS_FILE), { force: true });

  const checks: [string, boolean][] = [];
  checks.push(["generated code is current", step("drift", "pnpm", ["run", "--silent", "check:generated"])]);
  checks.push(["specs lint clean", step("spec lint", "pnpm", ["run", "--silent", "lint:specs"])]);
  checks.push(["code style (biome)", step("biome", "pnpm", ["exec", "biome", "check", "."])]);
  checks.push([
    "types check",
    step("typecheck", "pnpm", ["exec", "turbo", "run", "typecheck", "--continue", "--output-logs=errors-only"]),
  ]);
  checks.push([
    "packages lint (publint, attw)",
    step("package lint", "pnpm", ["exec", "turbo", "run", "lint", "--continue", "--output-logs=errors-only"]),
  ]);
  const jestOk = step("jest", "pnpm", [
    "exec",
    "turbo",
    "run",
    "test",
    "--continue",
    "--concurrency=2",
    "--output-logs=new-only",
    "--",
    "--json",
    `--outputFile=${RESULTS_FILE}`,
  ]);

  const tally = jestTally(withTests);
  if (!jestOk && tally.failed === 0) tally.failed += 1; // turbo failed outside any test (a build, a crash)
  for (const [name, ok] of checks) {
    if (ok) tally.passed += 1;
    else {
      tally.failed += 1;
      console.log(`check failed: ${name}`);
    }
  }
  console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 || tally.passed === 0 ? 1 : 0;
}

process.exit(main());
