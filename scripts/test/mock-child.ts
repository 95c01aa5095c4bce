/**
 * Test helpers: run scripts/mock.ts or scripts/main.ts as the child process a developer would, on ports the test
 * picked, and watch its output. Every child is killed after its test, pass or fail, so tests leave nothing behind.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { join, resolve } from "node:path";

const SCRIPTS_DIR = resolve(__dirname, "..");
const spawned = new Set<ChildProcess>();

afterEach(async () => {
  await Promise.all([...spawned].map((child) => stopChild(child, "SIGKILL")));
});

export interface RunningScript {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with stdout once `pattern` appears in it; rejects if the child exits first or `timeoutMs` passes. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `node --import tsx scripts/<script> ...args` with CI=true (plain output). The developer's own
 * SESSIONKIT_MOCK_PORT_* variables are dropped so the fixed ports never leak in; pass `env` to set some.
 */
export function runScript(
  script: "mock.ts" | "main.ts",
  args: string[],
  env: Record<string, string> = {},
): RunningScript {
  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("SESSIONKIT_MOCK_PORT_")),
  );
  const child = spawn(process.execPath, ["--import", "tsx", join(SCRIPTS_DIR, script), ...args], {
    cwd: SCRIPTS_DIR,
    env: { ...baseEnv, CI: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.add(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => {
      spawned.delete(child);
      done({ code, signal });
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForOutput(pattern, timeoutMs = 20_000) {
      return new Promise((done, fail) => {
        const timer = setTimeout(
          () => finish(new Error(`no ${pattern} within ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`)),
          timeoutMs,
        );
        const check = () => pattern.test(out) && finish();
        const onExit = () => finish(new Error(`exited before ${pattern}; stdout:\n${out}\nstderr:\n${err}`));
        function finish(error?: Error) {
          clearTimeout(timer);
          child.stdout!.off("data", check);
          child.off("exit", onExit);
          if (error) fail(error);
          else done(out);
        }
        child.stdout!.on("data", check);
        child.once("exit", onExit);
        check();
      });
    },
  };
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill(signal);
  await exited;
}

/** Loopback ports nobody listens on right now (held together while picking, so they are distinct). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listen(0)));
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map(close));
  return ports;
}

/** Holds `port` on loopback, as another program would; close the result when done. */
export function occupy(port: number): Promise<Server> {
  return listen(port);
}

export async function portIsFree(port: number): Promise<boolean> {
  try {
    await close(await listen(port));
    return true;
  } catch {
    return false;
  }
}

/** The provider → URL rows of the runner's table. */
export function tableRows(stdout: string): Record<string, string> {
  return Object.fromEntries(
    [...stdout.matchAll(/^ {2}([a-z]+) +(http:\/\/127\.0\.0\.1:\d+)\b/gm)].map((m) => [m[1]!, m[2]!]),
  );
}

function listen(port: number): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}
