/** A V8 CPU profile of one piece of work in this process (node:inspector), reduced to self time per group. */
import { Session } from "node:inspector/promises";

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface Profile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

export async function cpuProfile(work: () => Promise<void>, samplingIntervalUs = 100): Promise<Profile> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: samplingIntervalUs });
    await session.post("Profiler.start");
    await work();
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
    return profile;
  } finally {
    session.disconnect();
  }
}

/** µs of self time per group, largest first; `groupOf` names the group of a frame. */
export function selfTime(profile: Profile, groupOf: (frame: CallFrame) => string): [string, number][] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const groups = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = groupOf(frames.get(id)!);
    groups.set(key, (groups.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return [...groups].sort((a, b) => b[1] - a[1]);
}

/** The npm package a frame's file belongs to (`yaml`, `typescript`, ...), a repo file, or V8's own entries. */
export function packageOf(frame: CallFrame): string {
  const at = frame.url.lastIndexOf("node_modules/");
  if (at >= 0) return /^((?:@[^/]+\/)?[^/]+)/.exec(frame.url.slice(at + "node_modules/".length))?.[1] ?? frame.url;
  if (frame.functionName === "(garbage collector)") return "GC";
  if (frame.functionName === "(idle)") return "(idle)";
  const repo = /\/work\/[^/]+\/(.+)$|((?:scripts|packages|bench)\/.+)$/.exec(frame.url);
  if (repo) return repo[1] ?? repo[2]!;
  return frame.url.startsWith("node:") ? "Node internals" : "V8 (builtins, program)";
}
