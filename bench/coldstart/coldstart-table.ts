/**
 * Table 4: cold start. Each package's dist entry (ESM and CJS) run in a fresh Node process, minus `node -e 0`
 * timed in the same round; plus the import alone, timed inside the process.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixed } from "../lib/format";
import { PACKAGES_DIR, buildWarning, listPackages, packageBuild, readJson } from "../lib/repo";
import type { Goal, Section } from "../lib/report";
import { summarize } from "../lib/stats";
import { tempDir } from "../lib/temp";

const ROUNDS = 10;
const IN_PROCESS_ROUNDS = 5;
const GOAL_MS = 10;

interface Entry {
  label: string;
  format: "ESM" | "CJS";
  file: string;
  /** An empty module: what Node's own loader costs for that format, not a goal. */
  reference?: boolean;
}

export async function coldstartTable(): Promise<Section> {
  const builds = listPackages().map(packageBuild);
  const notes: string[] = [];
  const warning = buildWarning(builds);
  if (warning) notes.push(warning);
  const empty = tempDir("coldstart");
  writeFileSync(join(empty, "empty.mjs"), "");
  writeFileSync(join(empty, "empty.cjs"), "");
  const entries: Entry[] = [
    { label: "(empty module: Node's loader alone)", format: "ESM", file: join(empty, "empty.mjs"), reference: true },
    { label: "(empty module: Node's loader alone)", format: "CJS", file: join(empty, "empty.cjs"), reference: true },
    ...builds
      .filter((b) => b.state !== "missing")
      .flatMap((b) => [
        { label: b.name, format: "ESM" as const, file: b.esm },
        { label: b.name, format: "CJS" as const, file: b.cjs },
      ]),
  ];

  // A run that fails (a dist/ being rebuilt under us) drops that sample and is named in the notes.
  const failures = new Map<string, string>();
  const keep = (entry: Entry, into: number[], outcome: number | string) => {
    if (typeof outcome === "number") into.push(outcome);
    else failures.set(`${entry.label} (${entry.format})`, outcome);
  };
  const baseline: number[] = [];
  const deltas = new Map<Entry, number[]>(entries.map((e) => [e, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const node = wallMs(["-e", "0"]);
    if (typeof node === "string") throw new Error(`node -e 0 failed: ${node}`);
    baseline.push(node);
    for (const entry of entries) {
      const ms = wallMs([entry.file]);
      keep(entry, deltas.get(entry)!, typeof ms === "number" ? ms - node : ms);
    }
  }
  const inProcess = new Map<Entry, number[]>(entries.map((e) => [e, []]));
  for (let round = 0; round < IN_PROCESS_ROUNDS; round++) {
    for (const entry of entries) keep(entry, inProcess.get(entry)!, importMs(entry));
  }
  for (const [what, why] of failures) notes.push(`${what}: some runs failed and were left out (${why})`);

  const goals: Goal[] = [];
  const rows = entries.map((entry) => {
    const d = summarize(deltas.get(entry)!);
    const inside = summarize(inProcess.get(entry)!);
    if (!entry.reference && d.n > 0)
      goals.push({
        what: `${entry.label} (${entry.format})`,
        target: `≤ ${GOAL_MS} ms`,
        measured: `${fixed(d.median)} ms`,
        met: d.median <= GOAL_MS,
      });
    return [entry.label, entry.format, fixed(d.median), fixed(d.min), fixed(d.max), fixed(inside.median)];
  });
  const dependencies = dependencyImports();
  const b = summarize(baseline);
  notes.push(`\`node -e 0\` itself: ${fixed(b.median)} ms median (${fixed(b.min)}–${fixed(b.max)}), ${ROUNDS} rounds.`);
  return {
    id: "coldstart",
    title: "4. Cold start",
    method:
      "Each round starts `node -e 0`, then `node <package>/dist/index.js` and `node <package>/dist/index.cjs` for every package (fresh " +
      "processes, sequential); the figure is the process's wall time minus that round's `node -e 0`. The last column times only the " +
      "`import()` / `require()` inside a fresh process (performance.now() around it).",
    grids: [
      {
        caption: `ms over \`node -e 0\`, ${ROUNDS} rounds`,
        header: ["package", "format", "median", "min", "max", "import alone (median)"],
        rows,
        align: ["l", "l", "r", "r", "r", "r"],
      },
      {
        caption:
          "What every package loads: auth-helpers' runtime dependencies, each imported alone in a fresh process (median ms)",
        header: ["dependency", "ESM import()", "CJS require()"],
        rows: dependencies.map(([name, esm, cjs]) => [name, fixed(esm), fixed(cjs)]),
        align: ["l", "r", "r"],
      },
    ],
    goals: [aggregate(goals)],
    notes,
  };
}

/** One goal row for all entries: met when every one is, naming the slowest. */
function aggregate(goals: Goal[]): Goal {
  const worst = [...goals].sort((a, b) => parseFloat(b.measured) - parseFloat(a.measured))[0];
  return {
    what: "every package, ESM and CJS, over `node -e 0`",
    target: `≤ ${GOAL_MS} ms each`,
    measured: worst ? `slowest: ${worst.what} ${worst.measured}` : "nothing built",
    met: worst ? goals.every((g) => g.met) : undefined,
  };
}

/** Wall ms of `node <args>`, or why it failed. */
function wallMs(args: string[]): number | string {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - t0;
  return run.status === 0 ? ms : firstError(run.stderr, run.status);
}

function firstError(stderr: string, status: number | null): string {
  const line = stderr.split("\n").find((l) => /Error/.test(l)) ?? stderr.split("\n")[0];
  return `exit ${status}: ${line?.trim() ?? ""}`;
}

/** auth-helpers' dependencies (and its openapi-fetch peer), each loaded alone from the package's folder, ESM and CJS. */
function dependencyImports(): [string, number, number][] {
  const dir = join(PACKAGES_DIR, "auth-helpers");
  const manifest = readJson<{ dependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>(
    join(dir, "package.json"),
  );
  const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
  return names
    .map((name): [string, number, number] => {
      const esm: number[] = [];
      const cjs: number[] = [];
      for (let i = 0; i < IN_PROCESS_ROUNDS; i++) {
        for (const [format, into] of [
          ["ESM", esm],
          ["CJS", cjs],
        ] as const) {
          const ms = importMs({ label: name, format, file: name }, dir);
          if (typeof ms === "number") into.push(ms);
        }
      }
      return [name, summarize(esm).median, summarize(cjs).median];
    })
    .sort((a, b) => b[1] - a[1]);
}

/** ms for the import alone, measured inside a fresh process (bare names resolve from `cwd`), or why it failed. */
function importMs(entry: Entry, cwd?: string): number | string {
  const file = JSON.stringify(entry.file);
  const script =
    entry.format === "ESM"
      ? `const t = performance.now(); await import(${file}); console.log(performance.now() - t);`
      : `const t = performance.now(); require(${file}); console.log(performance.now() - t);`;
  const args = entry.format === "ESM" ? ["--input-type=module", "-e", script] : ["-e", script];
  const run = spawnSync(process.execPath, args, { encoding: "utf8", cwd });
  return run.status === 0 ? Number(run.stdout.trim()) : firstError(run.stderr, run.status);
}
