/**
 * Where a contender's time goes: a V8 CPU profile of N calls (node:inspector, in this process, only around the
 * calls), reduced to self time per category (our packages, openapi-fetch, undici = Node's fetch, other Node
 * internals, GC) and per function. Idle samples are the wait for the server's answer.
 */
import { type CallFrame, type Profile, cpuProfile } from "../lib/cpu-profile";
import type { Contender } from "./contender";

export interface CpuBreakdown {
  calls: number;
  /** µs per call spent in each category (idle included, as "(idle: waiting for the server)"). */
  byCategory: Map<string, number>;
  /** µs per call of self time, per function, largest first. */
  byFunction: { name: string; category: string; us: number }[];
}

export const IDLE = "(idle: waiting for the server)";

export async function profileCalls(contender: Contender, calls: number): Promise<CpuBreakdown> {
  const profile = await cpuProfile(async () => {
    for (let i = 0; i < calls; i++) await contender.call();
  });
  return summarizeProfile(profile, calls);
}

function summarizeProfile(profile: Profile, calls: number): CpuBreakdown {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));

  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, { name: string; category: string; us: number }>();
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)!.callFrame;
    const category = categoryOf(frame);
    byCategory.set(category, (byCategory.get(category) ?? 0) + us / calls);
    if (category === IDLE) continue;
    const name =
      `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ""}`.trim();
    const entry = byFunction.get(name) ?? { name, category, us: 0 };
    entry.us += us / calls;
    byFunction.set(name, entry);
  }
  return { calls, byCategory, byFunction: [...byFunction.values()].sort((a, b) => b.us - a.us) };
}

function categoryOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (functionName === "(idle)") return IDLE;
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)" || functionName === "(root)") return "V8/native (program)";
  if (/packages\/[^/]+\/dist\//.test(url)) return "sessionkit (packages/*/dist)";
  if (url.includes("openapi-fetch")) return "openapi-fetch";
  if (url.includes("undici")) return "undici (fetch, Request, Headers, streams)";
  if (
    url.startsWith("node:internal/webstreams") ||
    url.startsWith("node:internal/abort_controller") ||
    url.startsWith("node:internal/event_target")
  ) {
    return "Node web streams / AbortController / events";
  }
  if (url.startsWith("node:")) return "other Node internals";
  if (url.includes("/bench/")) return "benchmark harness";
  return url ? "other JS" : "V8 builtins";
}

function shortUrl(url: string): string {
  const dist = /packages\/([^/]+)\/dist\/(.+)$/.exec(url);
  if (dist) return `${dist[1]}/dist/${dist[2]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(url);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  return url.replace(/^file:\/\//, "");
}
