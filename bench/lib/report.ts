/**
 * What each table returns and how it is printed. The same Markdown goes to the terminal and to bench/RESULTS.md,
 * so what a reader sees in the file is exactly what the run printed.
 */
export interface Grid {
  caption?: string;
  header: string[];
  rows: string[][];
  /** Per column: numbers read best right-aligned. Default left. */
  align?: ("l" | "r")[];
}

export interface Goal {
  what: string;
  target: string;
  measured: string;
  /** undefined: could not be measured in this run (the notes say why). */
  met: boolean | undefined;
}

export interface Section {
  id: string;
  title: string;
  /** One or two sentences on what was measured and how. */
  method: string;
  grids: Grid[];
  goals: Goal[];
  notes: string[];
  /** Wall time the table took to produce, for the "keep the run bounded" promise. */
  tookMs?: number;
}

export function renderGrid(grid: Grid): string {
  const widths = grid.header.map((h, i) => Math.max(h.length, 3, ...grid.rows.map((r) => (r[i] ?? "").length)));
  const cell = (text: string, i: number) =>
    grid.align?.[i] === "r" ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (grid.align?.[i] === "r" ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  const lines = [line(grid.header), rule, ...grid.rows.map(line)];
  return grid.caption ? `${grid.caption}\n\n${lines.join("\n")}` : lines.join("\n");
}

export function renderSection(section: Section, level = 2): string {
  const parts = [`${"#".repeat(level)} ${section.title}`, section.method];
  for (const grid of section.grids) parts.push(renderGrid(grid));
  if (section.goals.length > 0) {
    parts.push(
      renderGrid({
        header: ["goal", "target", "measured", "verdict"],
        rows: section.goals.map((g) => [
          g.what,
          g.target,
          g.measured,
          g.met === undefined ? "n/a" : g.met ? "met" : "MISSED",
        ]),
      }),
    );
  }
  if (section.notes.length > 0) parts.push(section.notes.map((n) => `- ${n}`).join("\n"));
  if (section.tookMs !== undefined) parts.push(`_This table took ${(section.tookMs / 1000).toFixed(1)} s._`);
  return parts.join("\n\n");
}
