/**
 * Side-by-side timing: every round runs each contender for the same number of sequential calls, in a rotating
 * order (A B C D, B C D A, ...), so machine noise and the garbage one contender leaves behind hit all of them alike.
 */
import type { Scenario } from "./contender";

export interface InterleaveOptions {
  callsPerRound: number;
  /** Rounds wanted; fewer are run when the deadline passes first (but at least `minRounds`). */
  rounds: number;
  minRounds: number;
  deadline: number;
}

/** µs per call, one value per round, for each contender (by name). */
export type RoundTimes = Map<string, number[]>;

export async function measureInterleaved(scenario: Scenario, options: InterleaveOptions): Promise<RoundTimes> {
  const { contenders } = scenario;
  // Warm-up: proves each contender gets the expected answer, and lets the JIT and the connection pool settle.
  for (const contender of contenders) {
    try {
      scenario.check(await contender.call());
    } catch (err) {
      throw new Error(`${scenario.title}: ${contender.name} is broken: ${(err as Error).message}`);
    }
    for (let i = 0; i < options.callsPerRound; i++) await contender.call();
  }

  const times: RoundTimes = new Map(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    if (round >= options.minRounds && performance.now() > options.deadline) break;
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length]!;
      const started = performance.now();
      for (let i = 0; i < options.callsPerRound; i++) await contender.call();
      times.get(contender.name)!.push(((performance.now() - started) * 1000) / options.callsPerRound);
    }
  }
  return times;
}
