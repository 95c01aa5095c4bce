/**
 * Table 3: regeneration. Cold five-spec generation in a fresh process (`scripts/generate.ts --check`: everything
 * generated and compared, nothing written), the same in-process, turbo's cold run and cache hit, and synthetic
 * specs of growing size through the same codegen function.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cpuProfile, packageOf, selfTime } from "../lib/cpu-profile";
import { duration, fixed, kB } from "../lib/format";
import { ROOT, TSX_LOADER, listProviders, specFile } from "../lib/repo";
import type { Grid, Goal, Section } from "../lib/report";
import { runProcess, toolEnv } from "../lib/run-process";
import { summarize } from "../lib/stats";
import { tempDir } from "../lib/temp";
import { syntheticSpec } from "./synthetic-spec";

const COLD_ROUNDS = 3;
const TURBO_HITS = 3;
const SIZES = [10, 100, 1000, 5000];
const SIZE_BUDGET_MS = 60_000;

type Codegen = typeof import("../../scripts/lib/codegen");

export async function generateTable(): Promise<Section> {
  const notes: string[] = [];
  const goals: Goal[] = [];
  const grids: Grid[] = [];

  // Cold: a fresh process per round, as `pnpm generate` starts one.
  const cold: number[] = [];
  let upToDate = true;
  for (let i = 0; i < COLD_ROUNDS; i++) {
    const run = await runProcess(process.execPath, ["--import", TSX_LOADER, "scripts/generate.ts", "--check"], {
      cwd: ROOT,
      timeoutMs: 120_000,
    });
    if (run.code !== 0 && run.code !== 1)
      throw new Error(`scripts/generate.ts --check failed: ${run.stderr.trim().split("\n").slice(-3).join(" / ")}`);
    upToDate &&= run.code === 0;
    cold.push(run.ms);
  }
  if (!upToDate)
    notes.push(
      "`scripts/generate.ts --check` reported stale generated code (timed all the same: it generates everything either way).",
    );

  // In-process: what the codegen itself costs once Node is up.
  const t0 = performance.now();
  const codegen: Codegen = await import("../../scripts/lib/codegen");
  const importMs = performance.now() - t0;
  const providers = listProviders();
  const firstPass = await timeProviders(codegen, providers);
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(await timeProviders(codegen, providers));

  const turbo = await turboRounds(upToDate, notes);

  const coldS = summarize(cold);
  const rows = [
    [
      `\`scripts/generate.ts --check\`, fresh process (${providers.length} specs)`,
      duration(coldS.median),
      duration(coldS.min),
      duration(coldS.max),
    ],
    ["  of which: loading the codegen modules (openapi-typescript, yaml), in-process", duration(importMs), "", ""],
    ["  of which: first generation of all specs, in-process", duration(firstPass), "", ""],
    ["all specs again, in-process (warm)", ...spread(warm)],
  ];
  if (turbo) {
    rows.push([`\`pnpm exec turbo run generate --force\` (cold, ${turbo.tasks} tasks)`, ...spread(turbo.cold)]);
    rows.push([`\`pnpm exec turbo run generate\` again (${turbo.cachedLine})`, ...spread(turbo.hit)]);
    rows.push(["  of which: `pnpm exec` start-up (`pnpm exec turbo --version`)", ...spread(turbo.pnpmExec)]);
  }
  grids.push({ header: ["what", "median", "min", "max"], rows, align: ["l", "r", "r", "r"] });
  goals.push({
    what: "cold five-spec generation (fresh process)",
    target: "≤ 3 s",
    measured: duration(coldS.median),
    met: coldS.median <= 3000,
  });
  if (turbo) {
    const hit = summarize(turbo.hit).median;
    goals.push({
      what: "turbo rerun, all tasks cache hits",
      target: "≤ 1 s, 100% cached",
      measured: `${duration(hit)}, ${turbo.cachedLine}`,
      met: hit <= 1000 && turbo.allCached,
    });
  } else
    goals.push({
      what: "turbo rerun, all tasks cache hits",
      target: "≤ 1 s, 100% cached",
      measured: "not run",
      met: undefined,
    });

  const synthetic = await syntheticRounds(codegen);
  grids.push({
    caption:
      "**Synthetic specs** (in-process codegen; median over rounds; each operation: a path, a schema, a typed 200 with example, a shared 401)",
    header: ["operations", "rounds", "time", "µs per operation", "output", "bytes per operation"],
    rows: synthetic.map((s) => [
      String(s.ops),
      String(s.rounds),
      duration(s.ms),
      fixed((s.ms * 1000) / s.ops, 0),
      kB(s.bytes, 1),
      fixed(s.bytes / s.ops, 0),
    ]),
    align: ["r", "r", "r", "r", "r", "r"],
  });
  const thousand = synthetic.find((s) => s.ops === 1000);
  goals.push({
    what: "1000-operation spec",
    target: "≤ 2 s",
    measured: thousand ? duration(thousand.ms) : "not run",
    met: thousand ? thousand.ms <= 2000 : undefined,
  });
  if (thousand && thousand.ms > 2000) grids.push(await whereGenerationTimeGoes(codegen, thousand.file));
  const growth = linearity(synthetic);
  if (growth) goals.push(growth);

  return {
    id: "generate",
    title: "3. Regeneration",
    method:
      "Cold: `node --import tsx scripts/generate.ts --check` in a fresh process (generates all five specs in memory and compares them with " +
      "the committed files; writes nothing). turbo: a forced run, then a plain rerun that must be all cache hits. Synthetic specs are " +
      "written to a temporary folder and generated with the same `generateProvider` function.",
    grids,
    goals,
    notes,
  };
}

function spread(values: number[]): string[] {
  const s = summarize(values);
  return [duration(s.median), duration(s.min), duration(s.max)];
}

async function timeProviders(codegen: Codegen, providers: string[]): Promise<number> {
  const t0 = performance.now();
  for (const provider of providers) await codegen.generateProvider(provider, specFile(provider));
  return performance.now() - t0;
}

interface TurboRounds {
  cold: number[];
  hit: number[];
  pnpmExec: number[];
  tasks: number;
  cachedLine: string;
  allCached: boolean;
}

/**
 * Only when the committed output is current: then a forced run rewrites nothing and a cache hit restores the same
 * bytes, so the benchmark never changes the working tree.
 */
async function turboRounds(upToDate: boolean, notes: string[]): Promise<TurboRounds | undefined> {
  if (!upToDate) {
    notes.push(
      "turbo rows skipped: the generated code is stale, and a turbo run would rewrite it. Run `pnpm generate` first.",
    );
    return undefined;
  }
  const env = toolEnv();
  const turbo = (args: string[]) =>
    runProcess("pnpm", ["exec", "turbo", ...args], { cwd: ROOT, env, timeoutMs: 180_000 });
  const result: TurboRounds = { cold: [], hit: [], pnpmExec: [], tasks: 0, cachedLine: "", allCached: true };
  // One forced run (five tsx processes: the slow part), then cache hits.
  const cold = await turbo(["run", "generate", "--force", "--output-logs=none"]);
  if (cold.code !== 0)
    throw new Error(`turbo run generate --force failed: ${cold.stdout.trim().split("\n").slice(-5).join(" / ")}`);
  result.cold.push(cold.ms);
  for (let i = 0; i < TURBO_HITS; i++) {
    const hit = await turbo(["run", "generate", "--output-logs=none"]);
    const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(hit.stdout);
    if (hit.code !== 0 || !cached)
      throw new Error(`turbo run generate failed: ${hit.stdout.trim().split("\n").slice(-5).join(" / ")}`);
    result.hit.push(hit.ms);
    result.tasks = Number(cached[2]);
    result.cachedLine = `${cached[1]}/${cached[2]} cached`;
    result.allCached &&= cached[1] === cached[2];
    result.pnpmExec.push((await turbo(["--version"])).ms);
  }
  return result;
}

interface SyntheticResult {
  ops: number;
  file: string;
  rounds: number;
  ms: number;
  bytes: number;
}

async function syntheticRounds(codegen: Codegen): Promise<SyntheticResult[]> {
  const dir = tempDir("synthetic-specs");
  const deadline = performance.now() + SIZE_BUDGET_MS;
  const results: SyntheticResult[] = [];
  for (const ops of SIZES) {
    const file = join(dir, `synthetic-${ops}.yaml`);
    writeFileSync(file, syntheticSpec(ops));
    const times: number[] = [];
    let bytes = 0;
    const rounds = ops >= 5000 ? 1 : ops >= 1000 ? 2 : 3;
    for (let r = 0; r < rounds && (r === 0 || performance.now() < deadline); r++) {
      const t0 = performance.now();
      const files = await codegen.generateProvider("synthetic", file);
      times.push(performance.now() - t0);
      bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);
    }
    results.push({ ops, file, rounds: times.length, ms: summarize(times).median, bytes });
    if (performance.now() > deadline) break;
  }
  return results;
}

/** Self time per package for one generation of a synthetic spec (V8 CPU profile, 1 ms sampling). */
async function whereGenerationTimeGoes(codegen: Codegen, file: string): Promise<Grid> {
  let ms = 0;
  const profile = await cpuProfile(async () => {
    const t0 = performance.now();
    await codegen.generateProvider("synthetic", file);
    ms = performance.now() - t0;
  }, 1000);
  const groups = selfTime(profile, packageOf);
  const total = groups.reduce((sum, [, us]) => sum + us, 0);
  return {
    caption: `**Where the time goes: the 1000-operation spec** (${duration(ms)} under the profiler; self time per package)`,
    header: ["package", "self time", "share"],
    rows: groups.slice(0, 8).map(([name, us]) => [name, duration(us / 1000), `${((us / total) * 100).toFixed(0)}%`]),
    align: ["l", "r", "r"],
  };
}

/** Linear growth: time per operation at the largest size within 2× of that at 100 operations. */
function linearity(results: SyntheticResult[]): Goal | undefined {
  const base = results.find((r) => r.ops === 100);
  const top = results[results.length - 1];
  if (!base || !top || top === base) return undefined;
  const perOp = (r: SyntheticResult) => r.ms / r.ops;
  const factor = perOp(top) / perOp(base);
  return {
    what: `growth is linear (time per operation, ${top.ops} vs 100 operations)`,
    target: "≤ 2× (flat)",
    measured: `${factor.toFixed(2)}×`,
    met: factor <= 2,
  };
}
