/** The machine a run happened on, so that committed figures say where they came from. */
import { spawnSync } from "node:child_process";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { ROOT } from "./repo";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  pnpm: string;
  commit: string;
  date: string;
  /** 1-minute load average when the run started: above the core count, other work was competing. */
  load: number;
}

export function describeMachine(): Machine {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    pnpm: output("pnpm", ["--version"]) ?? "unknown",
    commit: commitDescription(),
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    load: loadavg()[0] ?? 0,
  };
}

export function machineLines(m: Machine): string[] {
  return [
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}`,
    `- Node ${m.node}, pnpm ${m.pnpm}`,
    `- commit: ${m.commit}`,
    `- date: ${m.date}; 1-minute load average at the start: ${m.load.toFixed(2)} on ${m.cores} cores`,
  ];
}

function commitDescription(): string {
  const head = output("git", ["rev-parse", "--short", "HEAD"]);
  if (!head) return "no commit yet (working tree)";
  const dirty = (output("git", ["status", "--porcelain"]) ?? "").length > 0;
  return dirty ? `${head} + uncommitted changes` : head;
}

function output(cmd: string, args: string[]): string | undefined {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
