import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ProviderUsage } from "./pack-usage";

export type ModuleFormat = "esm" | "cjs";

/** What the runtime check prints (one JSON line) from inside the consumer project. */
export interface RuntimeReport {
  /** The file the package name resolved to. */
  resolved: string;
  /** Exported `create*Client` functions. */
  factories: string[];
  /** ApiError is an exported subclass of Error. */
  apiErrorExported: boolean;
  probes: ProbeResult[];
  /** Calls that reached the global fetch (must stay 0: the checks run without network). */
  networkCalls: number;
}

export interface ProbeResult {
  call: string;
  throws: string;
  threw: boolean;
  name: string | undefined;
  message: string;
  /** `error instanceof sdk[throws]` with the class this format exported. */
  isExpectedClass: boolean;
  /** `sdk[throws]` is ApiError or a subclass, and `error instanceof sdk.ApiError`. */
  expectsApiError: boolean;
  isApiError: boolean;
  isSessionkitError: boolean;
}

const RUNTIME_FILE: Record<ModuleFormat, string> = { esm: "check-runtime.mjs", cjs: "check-runtime.cjs" };

/**
 * Writes the ESM or CJS runtime check for one package: loads it the way that format does, reports its
 * exports and runs the probes, so `instanceof` is tested against what a consumer imports.
 */
export function writeRuntimeCheck(
  dir: string,
  format: ModuleFormat,
  packageName: string,
  usage: ProviderUsage,
): string {
  const name = JSON.stringify(packageName);
  const prelude =
    format === "esm"
      ? `import * as sdk from ${name};\nimport { fileURLToPath } from "node:url";\nconst resolved = fileURLToPath(import.meta.resolve(${name}));\n`
      : `const sdk = require(${name});\nconst resolved = require.resolve(${name});\n`;
  const probes = usage.probes.map(
    (p) => `  { call: ${JSON.stringify(p.call)}, throws: ${JSON.stringify(p.throws)}, run: async () => ${p.call} },`,
  );
  const body = `
let networkCalls = 0;
const noNetwork = async () => {
  networkCalls += 1;
  throw new Error("the consumer check reached for the network");
};
globalThis.fetch = noNetwork;
const answer = (status, body) => async () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const isClass = (value) => typeof value === "function" && value.prototype instanceof Error;
const probes = [
${probes.join("\n")}
];

async function main() {
  const results = [];
  for (const probe of probes) {
    let error;
    let threw = false;
    try {
      await probe.run();
    } catch (e) {
      threw = true;
      error = e;
    }
    const expected = sdk[probe.throws];
    const expectsApiError = isClass(expected) && isClass(sdk.ApiError) && (expected === sdk.ApiError || expected.prototype instanceof sdk.ApiError);
    results.push({
      call: probe.call,
      throws: probe.throws,
      threw,
      name: error?.name,
      message: String(error?.message ?? "").slice(0, 300),
      isExpectedClass: isClass(expected) && error instanceof expected,
      expectsApiError,
      isApiError: isClass(sdk.ApiError) && error instanceof sdk.ApiError,
      isSessionkitError: isClass(sdk.SessionkitError) && error instanceof sdk.SessionkitError,
    });
  }
  const factories = Object.keys(sdk).filter((k) => /^create[A-Z]\\w*Client$/.test(k) && typeof sdk[k] === "function");
  console.log(JSON.stringify({ resolved, factories, apiErrorExported: isClass(sdk.ApiError), probes: results, networkCalls }));
}
`;
  const run =
    format === "esm" ? "await main();\n" : "main().catch((e) => { console.error(e); process.exitCode = 1; });\n";
  const file = join(dir, RUNTIME_FILE[format]);
  writeFileSync(file, `${prelude}${body}${run}`);
  return file;
}

/** The last JSON line a runtime check printed. */
export function parseRuntimeReport(output: string): RuntimeReport {
  const line = output
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  if (!line) throw new Error(`the runtime check printed no report:\n${output}`);
  return JSON.parse(line) as RuntimeReport;
}

export type TypeResolution = "node16" | "bundler";

// A strict consumer with no @types/node: the packages' declarations must stand on DOM + ES2022 alone.
const STRICT_CONSUMER = {
  strict: true,
  target: "es2022",
  lib: ["es2022", "dom"],
  types: [],
  noEmit: true,
  skipLibCheck: false,
  isolatedModules: true,
  noUncheckedIndexedAccess: true,
};

/**
 * Writes the usage file and a tsconfig per resolution mode. node16 checks the file both as .mts (the
 * `import` condition) and as .cts (the `require` condition); bundler checks it as .ts.
 */
export function writeTypeCheck(dir: string, usage: ProviderUsage): Record<TypeResolution, string> {
  if (!usage.misuse.includes("@ts-expect-error")) throw new Error("usage.misuse needs a // @ts-expect-error line");
  const source = `${usage.app.trim()}\n\nexport function misuse(): void {${usage.misuse}}\n`;
  for (const ext of ["mts", "cts", "ts"]) writeFileSync(join(dir, `usage.${ext}`), source);
  const configs: Record<TypeResolution, object> = {
    node16: {
      compilerOptions: { ...STRICT_CONSUMER, module: "node16", moduleResolution: "node16" },
      files: ["usage.mts", "usage.cts"],
    },
    bundler: {
      compilerOptions: { ...STRICT_CONSUMER, module: "esnext", moduleResolution: "bundler" },
      files: ["usage.ts"],
    },
  };
  const paths = {} as Record<TypeResolution, string>;
  for (const [mode, config] of Object.entries(configs) as [TypeResolution, object][]) {
    paths[mode] = join(dir, `tsconfig.${mode}.json`);
    writeFileSync(paths[mode], JSON.stringify(config, null, 2));
  }
  return paths;
}

/** The workspace's own tsc, so the consumer project does not need TypeScript installed. */
export function workspaceTsc(): string {
  return require.resolve("typescript/bin/tsc");
}
