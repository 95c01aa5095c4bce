/** Every provider package with a client is in the matrix; one without a client yet is reported, not skipped silently. */
import { ADAPTERS, providerPackages } from "../support/providers";
import { rowsFor } from "../support/matrix";

const packages = providerPackages();

test.each(packages.map((p) => [p.name, p.hasClient] as const))(
  "%s: its client is covered by an adapter",
  (name, hasClient) => {
    const adapter = ADAPTERS.find((a) => a.name === name);
    if (!hasClient) {
      // Not an error here: the package has no src/client.ts yet. It shows up in the report below.
      expect(adapter).toBeUndefined();
      return;
    }
    expect(adapter).toBeDefined();
    expect(rowsFor(adapter!).length).toBeGreaterThan(10);
  },
);

test("coverage report", () => {
  const uncovered = packages.filter((p) => !p.hasClient).map((p) => p.name);
  const lines = ADAPTERS.map((a) => `${a.name.padEnd(12)} ${rowsFor(a).length} matrix rows`);
  if (uncovered.length > 0) lines.push(`not covered (no client yet): ${uncovered.join(", ")}`);
  process.stdout.write(`\nreliability coverage\n  ${lines.join("\n  ")}\n`);
  expect(ADAPTERS.length).toBeGreaterThan(0);
});
