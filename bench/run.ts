/**
 * `pnpm bench [overhead|size|generate|coldstart|mocks ...] [--no-write]`: prints the benchmark tables as Markdown.
 * A full run (no table named) also writes bench/RESULTS.md with the machine it ran on. See bench/README.md.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describeMachine, machineLines } from "./lib/machine";
import { type Section, renderSection } from "./lib/report";
import { removeTempDirs } from "./lib/temp";
import { overheadTable } from "./overhead/overhead-table";
import { sizeTable } from "./size/size-table";
import { generateTable } from "./generate/generate-table";
import { coldstartTable } from "./coldstart/coldstart-table";
import { mocksTable } from "./mocks/mocks-table";

const TABLES: Record<string, () => Promise<Section>> = {
  overhead: overheadTable,
  size: sizeTable,
  generate: generateTable,
  coldstart: coldstartTable,
  mocks: mocksTable,
};

async function main(argv: string[]): Promise<number> {
  const names = argv.filter((a) => !a.startsWith("--"));
  const unknown = names.filter((n) => !(n in TABLES));
  if (unknown.length > 0 || argv.includes("--help")) {
    console.error(`usage: pnpm bench [${Object.keys(TABLES).join("|")} ...] [--no-write]`);
    return unknown.length > 0 ? 2 : 0;
  }
  const selected = names.length > 0 ? names : Object.keys(TABLES);
  const machine = describeMachine();
  const header = ["# sessionkit benchmarks", "", ...machineLines(machine)].join("\n");
  console.log(`${header}\n`);

  const started = performance.now();
  const rendered: string[] = [];
  let failed = 0;
  for (const name of selected) {
    const t0 = performance.now();
    let section: Section;
    try {
      section = await TABLES[name]!();
    } catch (err) {
      failed += 1;
      section = {
        id: name,
        title: name,
        method: "",
        grids: [],
        goals: [],
        notes: [`FAILED: ${(err as Error).stack ?? err}`],
      };
    }
    section.tookMs = performance.now() - t0;
    const text = renderSection(section);
    rendered.push(text);
    console.log(`${text}\n`);
  }
  const total = `_Whole run: ${((performance.now() - started) / 1000).toFixed(1)} s._`;
  console.log(total);

  if (names.length === 0 && !argv.includes("--no-write")) {
    const file = join(__dirname, "RESULTS.md");
    writeFileSync(
      file,
      `${header}\n\nProduced by \`pnpm bench\`; see bench/README.md for how to read it.\n\n${rendered.join("\n\n")}\n\n${total}\n`,
    );
    console.log(`\nwrote ${file}`);
  }
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    removeTempDirs();
    process.exit(code);
  },
  (err: Error) => {
    console.error(err.stack ?? err.message);
    removeTempDirs();
    process.exit(1);
  },
);
