/** Table 1: per-call overhead against raw fetch, on a loopback stub server in its own process. */
import { fixed, ratio } from "../lib/format";
import { buildWarning, packageBuild, specFile } from "../lib/repo";
import type { Grid, Goal, Section } from "../lib/report";
import { pairedRatios, summarize } from "../lib/stats";
import { RAW, SESSIONKIT, type Scenario } from "./contender";
import { type CpuBreakdown, IDLE, profileCalls } from "./cpu-profile";
import { measureInterleaved } from "./interleave";
import { fetchShapesScenario } from "./fetch-shapes";
import { koyebScenarios } from "./koyeb-scenarios";
import { startStubServer } from "./stub-server-process";
import { voximplantScenarios } from "./voximplant-scenarios";

const CALLS_PER_ROUND = 200;
const ROUNDS = 15;
const MIN_ROUNDS = 5;
const SCENARIO_BUDGET_MS = 15_000;
const GOAL_RATIO = 1.05;
const PROFILE_CALLS = 1500;

export async function overheadTable(): Promise<Section> {
  const notes: string[] = [];
  const warning = buildWarning([packageBuild("auth-helpers"), packageBuild("koyeb"), packageBuild("voximplant")]);
  if (warning) notes.push(warning);

  const server = await startStubServer({ koyeb: specFile("koyeb"), voximplant: specFile("voximplant") });
  const grids: Grid[] = [];
  const goals: Goal[] = [];
  const missed: Scenario[] = [];
  try {
    const scenarios = [
      ...(await koyebScenarios(server.url("koyeb"), notes)),
      ...(await voximplantScenarios(server.url("voximplant"), notes)),
    ];
    for (const scenario of scenarios) {
      const times = await measureInterleaved(scenario, {
        callsPerRound: CALLS_PER_ROUND,
        rounds: ROUNDS,
        minRounds: MIN_ROUNDS,
        deadline: performance.now() + SCENARIO_BUDGET_MS,
      });
      const floor = times.get(RAW)!;
      const rows = scenario.contenders.map((c) => {
        const s = summarize(times.get(c.name)!);
        const r = summarize(pairedRatios(times.get(c.name)!, floor));
        return [c.name, fixed(s.median), fixed(s.min), fixed(s.max), ratio(r.median)];
      });
      grids.push({
        caption: `**${scenario.title}**: ${floor.length} rounds × ${CALLS_PER_ROUND} sequential calls per contender`,
        header: ["contender", "µs/call median", "min", "max", "× raw fetch"],
        rows,
        align: ["l", "r", "r", "r", "r"],
      });
      const ours = times.get(SESSIONKIT);
      const oursRatio = ours ? summarize(pairedRatios(ours, floor)).median : Number.NaN;
      goals.push({
        what: `${scenario.title}: sessionkit vs raw fetch`,
        target: `≤ ${GOAL_RATIO.toFixed(2)}×`,
        measured: ours ? ratio(oursRatio) : "not built",
        met: ours ? oursRatio <= GOAL_RATIO : undefined,
      });
      if (ours && oursRatio > GOAL_RATIO) missed.push(scenario);
    }
    for (const scenario of missed) grids.push(...(await whereTheTimeGoes(scenario)));
    if (missed.length > 0) {
      grids.push(await fetchShapes(server.url("koyeb")));
      notes.push(
        "The profile tables locate cost; they do not time it: sampling slows both runs, so read the difference column, not the totals.",
      );
    }
  } finally {
    server.close();
  }

  notes.push(
    "µs/call: wall time of one round divided by its calls (the loopback round trip included); min/max over rounds. " +
      "× raw fetch: the median over rounds of (contender ÷ raw fetch in the same round).",
  );
  return {
    id: "overhead",
    title: "1. Per-call overhead",
    method:
      "A node:http server in a separate process on 127.0.0.1 answers each operation's 200 example at once (it checks the Content-Type, " +
      "a required body and the credentials the spec asks for). The same call is made through raw `fetch` with hand-built headers and " +
      "body, the sessionkit client (dist/, with its auth strategy), openapi-fetch with a plain auth middleware, and the client " +
      "openapi-generator's typescript-fetch generator makes from the same spec, interleaved round by round in rotating order.",
    grids,
    goals,
    notes,
  };
}

/** The same call in the shapes a Request-based pipeline goes through, timed like the contenders. */
async function fetchShapes(baseUrl: string): Promise<Grid> {
  const scenario = fetchShapesScenario(baseUrl);
  const times = await measureInterleaved(scenario, {
    callsPerRound: CALLS_PER_ROUND,
    rounds: 10,
    minRounds: 5,
    deadline: performance.now() + SCENARIO_BUDGET_MS,
  });
  const floor = times.get(scenario.contenders[0]!.name)!;
  return {
    caption: `**${scenario.title}** (why the ratio is what it is; ${floor.length} rounds × ${CALLS_PER_ROUND} calls)`,
    header: ["shape", "µs/call median", "× raw fetch"],
    rows: scenario.contenders.map((c) => [
      c.name,
      fixed(summarize(times.get(c.name)!).median),
      ratio(summarize(pairedRatios(times.get(c.name)!, floor)).median),
    ]),
    align: ["l", "r", "r"],
  };
}

/** The profile of raw fetch and of the sessionkit client for one scenario, side by side by category. */
async function whereTheTimeGoes(scenario: Scenario): Promise<Grid[]> {
  const raw = scenario.contenders.find((c) => c.name === RAW)!;
  const ours = scenario.contenders.find((c) => c.name === SESSIONKIT)!;
  const a = await profileCalls(raw, PROFILE_CALLS);
  const b = await profileCalls(ours, PROFILE_CALLS);
  // Largest extra cost over raw fetch first.
  const extra = (k: string) => (b.byCategory.get(k) ?? 0) - (a.byCategory.get(k) ?? 0);
  const categories = [...new Set([...a.byCategory.keys(), ...b.byCategory.keys()])].sort((x, y) => extra(y) - extra(x));
  const cpu = (p: CpuBreakdown) => [...p.byCategory].filter(([k]) => k !== IDLE).reduce((sum, [, v]) => sum + v, 0);
  const rows = categories.map((k) => {
    const x = a.byCategory.get(k) ?? 0;
    const y = b.byCategory.get(k) ?? 0;
    return [k, fixed(x), fixed(y), `${y - x >= 0 ? "+" : ""}${fixed(y - x)}`];
  });
  rows.push(["**CPU total (without idle)**", fixed(cpu(a)), fixed(cpu(b)), `+${fixed(cpu(b) - cpu(a))}`]);
  return [
    {
      caption: `**Where the time goes: ${scenario.title}** (V8 CPU profile of ${PROFILE_CALLS} calls each, 100 µs sampling; self time, µs per call)`,
      header: ["category", RAW, SESSIONKIT, "difference"],
      rows,
      align: ["l", "r", "r", "r"],
    },
    {
      caption: `Top self-time functions in the sessionkit run (µs per call)`,
      header: ["function", "category", "µs/call"],
      rows: b.byFunction.slice(0, 10).map((f) => [f.name, f.category, fixed(f.us, 2)]),
      align: ["l", "l", "r"],
    },
  ];
}
