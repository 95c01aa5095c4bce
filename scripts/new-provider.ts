/**
 * `pnpm new-provider <name> <spec.yaml> [--root <dir>] [--no-docs]`
 *
 * Adds a provider from its OpenAPI spec: specs/<name>.yaml, the next free mock port in mocks/ports.json, and
 * packages/<name>/ (configs from packages/koyeb, src/client.ts with the auth the spec's securitySchemes call for,
 * README, a contract test, src/generated/ and docs/). What is left to write by hand is the session lifecycle.
 * Exit 2 on bad input (nothing is written), 1 on any other failure.
 */
import { resolve } from "node:path";
import { ROOT } from "./lib/providers";
import { ScaffoldInputError } from "./lib/scaffold-input";
import { nextSteps, scaffoldProvider } from "./lib/scaffold-provider";
import { runCli } from "./lib/run-cli";

const USAGE = "usage: pnpm new-provider <name> <spec.yaml> [--root <dir>] [--no-docs]";

export async function main(argv: string[]): Promise<number> {
  // `pnpm new-provider` runs in the repo root; paths the user typed are relative to where they typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const positional: string[] = [];
  let root = ROOT;
  let docs = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else if (arg === "--no-docs") docs = false;
    else if (arg === "--root" && argv[i + 1]) root = resolve(cwd, argv[++i]!);
    else if (arg.startsWith("--root=")) root = resolve(cwd, arg.slice("--root=".length));
    else if (arg.startsWith("-")) return usageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) return usageError("expected a provider name and a spec file");
  const [name, spec] = positional as [string, string];

  try {
    const result = await scaffoldProvider({ name, specFile: resolve(cwd, spec), root, docs });
    console.log(`new provider "${result.name}" (mock port ${result.port}):`);
    for (const file of result.files) console.log(`  wrote ${file}`);
    console.log("\nNext steps:");
    for (const [i, step] of nextSteps(result, docs).entries()) console.log(`  ${i + 1}. ${step}`);
    return 0;
  } catch (err) {
    console.error(`new-provider: ${(err as Error).message}`);
    return err instanceof ScaffoldInputError ? 2 : 1;
  }
}

function usageError(message: string): number {
  console.error(`new-provider: ${message}\n${USAGE}`);
  return 2;
}

runCli(module, main);
