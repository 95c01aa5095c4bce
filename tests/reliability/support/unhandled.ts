/**
 * A process-level 'unhandledRejection' / 'uncaughtException' listener for the whole test file. jest fails a
 * test on an unhandled rejection it notices, but only while that test runs; this listener also catches
 * rejections that surface between tests (a retry timer, a body stream nobody awaited) and is asserted on.
 */
const host = (globalThis as { __hostProcess?: NodeJS.Process }).__hostProcess;
if (!host) throw new Error("support/unhandled.ts needs testEnvironment support/environment.cjs");

const fired: { event: string; reason: string }[] = [];
const onRejection = (reason: unknown) => fired.push({ event: "unhandledRejection", reason: describe(reason) });
const onException = (error: unknown) => fired.push({ event: "uncaughtException", reason: describe(error) });

function describe(value: unknown): string {
  return value instanceof Error ? `${value.name}: ${value.message}` : String(value);
}

/** Lets pending rejections reach the process (they are reported after the microtask queue drains). */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 5));
}

export function unhandledSoFar(): readonly { event: string; reason: string }[] {
  return fired;
}

beforeAll(() => {
  // Installed after jest-circus's own handlers (it replaces every listener at run start), so both fire.
  host.on("unhandledRejection", onRejection);
  host.on("uncaughtException", onException);
});

afterEach(async () => {
  await settle();
  expect(fired).toEqual([]);
});

afterAll(() => {
  host.off("unhandledRejection", onRejection);
  host.off("uncaughtException", onException);
});
