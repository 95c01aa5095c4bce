/**
 * Table 5: mocks and contract tests. How long until every provider's Prism mock answers (`pnpm mock` on free
 * ports, started fresh each round), and the wall time of every package's jest suite (unit + contract) through turbo.
 */
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { declaredProviders } from "@sessionkit/mocks/ports";
import { duration } from "../lib/format";
import { PACKAGES_DIR, ROOT, TSX_LOADER, listPackages, readJson } from "../lib/repo";
import type { Goal, Section } from "../lib/report";
import { runProcess, toolEnv } from "../lib/run-process";
import { summarize } from "../lib/stats";

const MOCK_ROUNDS = 3;
const MOCK_TIMEOUT_MS = 60_000;
const RESULTS_FILE = ".jest-results.json";

export async function mocksTable(): Promise<Section> {
  const notes: string[] = [];
  const providers = declaredProviders();
  const ready: { wallMs: number; reported: string }[] = [];
  for (let i = 0; i < MOCK_ROUNDS; i++) ready.push(await timeMocksReady(providers));
  const wall = summarize(ready.map((r) => r.wallMs));

  const suite = await timeContractSuite(notes);

  const goals: Goal[] = [
    {
      what: `all ${providers.length} mocks answer`,
      target: "≤ 5 s",
      measured: duration(wall.median),
      met: wall.median <= 5000,
    },
    {
      what: "every package's jest suite (unit + contract)",
      target: "≤ 30 s",
      measured: suite ? `${duration(suite.ms)}${suite.failed > 0 ? `, ${suite.failed} failing` : ""}` : "not run",
      met: suite ? suite.ms <= 30_000 : undefined,
    },
  ];
  const rows = [
    [
      `\`pnpm mock\` (${providers.join(", ")}) on free ports, until every mock answers`,
      duration(wall.median),
      duration(wall.min),
      duration(wall.max),
      `its own "ready" line: ${ready.map((r) => r.reported).join(", ")}`,
    ],
  ];
  if (suite) {
    rows.push([
      "`pnpm exec turbo run test --filter='./packages/*' --force --only --concurrency=2`",
      duration(suite.ms),
      "",
      "",
      `${suite.suites} suites, ${suite.passed} tests passed, ${suite.failed} failed, across ${suite.packages} packages`,
    ]);
  }
  return {
    id: "mocks",
    title: "5. Mocks and contract tests",
    method:
      "`node --import tsx scripts/mock.ts --port <provider>=0 ...` (what `pnpm mock` runs) is started fresh each round and timed from spawn " +
      "until it prints that every mock answers (it probes each over HTTP first). The suite: turbo runs only the packages' `test` tasks, " +
      "ignoring its cache (`--force --only`: the builds they depend on are brought up to date first and not timed), two at a time as `pnpm test` does.",
    grids: [{ header: ["what", "median", "min", "max", "detail"], rows, align: ["l", "r", "r", "r", "l"] }],
    goals,
    notes,
  };
}

/** Spawns the mock runner, resolves when it says every mock answers, then stops it (SIGTERM to the pid we started). */
function timeMocksReady(providers: string[]): Promise<{ wallMs: number; reported: string }> {
  const args = ["--import", TSX_LOADER, "scripts/mock.ts", ...providers.flatMap((p) => ["--port", `${p}=0`])];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: toolEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let settled = false;
    const finish = (error: Error | undefined, value?: { wallMs: number; reported: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.once("exit", () => (error ? reject(error) : resolve(value!)));
      if (child.exitCode !== null || child.signalCode !== null) child.emit("exit");
      else child.kill("SIGTERM");
    };
    const timer = setTimeout(
      () => finish(new Error(`pnpm mock: not ready within ${MOCK_TIMEOUT_MS} ms:\n${out.slice(-500)}`)),
      MOCK_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const line = /(\d+) mocks? answering, ready ([\d.]+ m?s) after start/.exec(out);
      if (line) finish(undefined, { wallMs: performance.now() - started, reported: line[2]! });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.once("exit", (code) =>
      finish(new Error(`pnpm mock exited ${code} before it was ready:\n${out.slice(-500)}`)),
    );
  });
}

interface SuiteResult {
  ms: number;
  packages: number;
  suites: number;
  passed: number;
  failed: number;
}

interface JestJson {
  numTotalTestSuites: number;
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}

/** "test/file.test.ts › full test name" for each failure (a suite that failed to run counts as one). */
function failedTests(r: JestJson): string[] {
  return r.testResults.flatMap((suite) => {
    const file = suite.name.slice(suite.name.indexOf("packages/"));
    const failed = suite.assertionResults.filter((a) => a.status === "failed").map((a) => `${file} › ${a.fullName}`);
    return failed.length === 0 && suite.status === "failed" ? [`${file} (the suite did not run)`] : failed;
  });
}

async function timeContractSuite(notes: string[]): Promise<SuiteResult | undefined> {
  const env = toolEnv();
  const withTests = listPackages().filter((name) => {
    const manifest = join(PACKAGES_DIR, name, "package.json");
    return existsSync(manifest) && Boolean(readJson(manifest).scripts?.test);
  });
  const build = await runProcess(
    "pnpm",
    ["exec", "turbo", "run", "build", "--filter=./packages/*", "--output-logs=errors-only"],
    { cwd: ROOT, env, timeoutMs: 300_000 },
  );
  if (build.code !== 0) {
    notes.push(
      `contract suite not run: \`turbo run build\` failed: ${build.stdout.trim().split("\n").slice(-4).join(" / ")}`,
    );
    return undefined;
  }
  notes.push(`Bringing the packages' builds up to date first (not timed) took ${duration(build.ms)}.`);
  const startedAt = Date.now();
  const run = await runProcess(
    "pnpm",
    [
      "exec",
      "turbo",
      "run",
      "test",
      "--filter=./packages/*",
      "--force",
      "--only",
      "--concurrency=2",
      "--continue",
      "--output-logs=errors-only",
      "--",
      "--json",
      `--outputFile=${RESULTS_FILE}`,
    ],
    { cwd: ROOT, env, timeoutMs: 600_000 },
  );
  const result: SuiteResult = { ms: run.ms, packages: withTests.length, suites: 0, passed: 0, failed: 0 };
  for (const name of withTests) {
    const file = join(PACKAGES_DIR, name, RESULTS_FILE);
    if (!existsSync(file) || statSync(file).mtimeMs < startedAt) {
      result.failed += 1;
      notes.push(`${name}: its jest run left no results`);
      continue;
    }
    const r = readJson<JestJson>(file);
    result.suites += r.numTotalTestSuites;
    result.passed += r.numPassedTests;
    result.failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    for (const test of failedTests(r)) notes.push(`failing: ${test}`);
  }
  if (run.code !== 0)
    notes.push(`the suite exited ${run.code}${run.timedOut ? " (timed out)" : ""}; its time still counts.`);
  return result;
}
