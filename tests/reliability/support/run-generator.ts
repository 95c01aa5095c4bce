/**
 * Runs scripts/lib/codegen.ts's generateProvider over the spec files given as arguments and prints one JSON result
 * per file. Executed through tsx by test/broken-specs.test.ts: openapi-typescript's CommonJS build loads ESM-only
 * packages through Node's require(esm), which jest's module runtime (on Node 20) does not support.
 */
import { generateProvider } from "../../../scripts/lib/codegen";

async function main(files: string[]): Promise<void> {
  const results: { file: string; ok: boolean; message?: string; files?: string[] }[] = [];
  for (const file of files) {
    try {
      const generated = await generateProvider("fixture", file);
      results.push({ file, ok: true, files: generated.map((f) => f.name) });
    } catch (error) {
      results.push({ file, ok: false, message: (error as Error).message });
    }
  }
  process.stdout.write(JSON.stringify(results));
}

void main(process.argv.slice(2));
