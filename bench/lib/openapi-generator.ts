/**
 * The client openapi-generator's `typescript-fetch` generator produces from one of our specs: generated into a
 * temporary folder (never committed), then bundled to one CommonJS file with esbuild so it can be required.
 * Memoised per spec: the overhead and size tables share one generation per run.
 */
import { join } from "node:path";
import { build } from "esbuild";
import { ROOT, specFile } from "./repo";
import { runProcess } from "./run-process";
import { tempDir } from "./temp";

const GENERATOR_CLI = join(ROOT, "scripts", "node_modules", "@openapitools", "openapi-generator-cli", "main.js");

export interface GeneratedClient {
  /** The generated sources (index.ts, runtime.ts, apis/, models/). */
  dir: string;
  /** index.ts, for bundling into an app. */
  entry: string;
  /** The whole client as one CommonJS file. */
  bundle: string;
  /** How long the generator (Java) took. */
  generateMs: number;
}

const cache = new Map<string, Promise<GeneratedClient>>();

export function typescriptFetchClient(provider: string): Promise<GeneratedClient> {
  let pending = cache.get(provider);
  if (!pending) {
    pending = generate(provider);
    cache.set(provider, pending);
  }
  return pending;
}

async function generate(provider: string): Promise<GeneratedClient> {
  const dir = tempDir(`typescript-fetch-${provider}`);
  const out = join(dir, "src");
  const run = await runProcess(
    process.execPath,
    [
      GENERATOR_CLI,
      "--openapitools",
      join(ROOT, "openapitools.json"),
      "generate",
      "-g",
      "typescript-fetch",
      "-i",
      specFile(provider),
      "-o",
      out,
    ],
    // The wrapper reads PWD/INIT_CWD, not cwd, and writes an openapitools.json wherever they point.
    {
      cwd: ROOT,
      timeoutMs: 180_000,
      env: { ...process.env, PWD: ROOT, INIT_CWD: ROOT, OPENAPI_GENERATOR_CLI_SEARCH_URL: "DEFAULT" },
    },
  );
  if (run.code !== 0) {
    const why = run.timedOut ? "timed out" : `exited ${run.code}`;
    const detail = `${run.stderr}\n${run.stdout}`.trim().split("\n").slice(-3).join(" / ");
    throw new Error(`openapi-generator (typescript-fetch, ${provider}) ${why}: ${detail}`);
  }
  const entry = join(out, "index.ts");
  const bundle = join(dir, "client.cjs");
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "es2022",
    outfile: bundle,
    logLevel: "silent",
  });
  return { dir: out, entry, bundle, generateMs: run.ms };
}
