/**
 * Tree-shaking and size budget: a tiny browser app per provider (its consumer usage from pack-usage.ts), bundled
 * and minified with esbuild, must stay under its budget in scripts/size-budget.json and must not drag in the
 * auth code it does not use (SCRAM and SASLprep, the cookie jar). An app importing only the error classes must not contain
 * the HTTP client at all. Turbo builds the packages first (scripts depends on every package).
 */
import { type AppBundle, bundleApp } from "../lib/bundle-app";
import { budgetFor, readSizeBudget } from "../lib/bundle-budget";
import { BUNDLE_MARKERS, type BundleMarker, markersIn } from "../lib/bundle-markers";
import { usageFor } from "../lib/pack-usage";
import { listProviderDirs, onlySelected, readWorkspacePackage } from "../lib/pack-workspace";

const TIMEOUT = 60_000;
const providers = onlySelected(listProviderDirs());
const budget = readSizeBudget();
const measured: Record<string, { min: number; gzip: number }> = {};

async function bundle(label: string, source: string): Promise<AppBundle> {
  const result = await bundleApp(source, label);
  measured[label] = { min: result.minBytes, gzip: result.gzipBytes };
  return result;
}

function errorsOnlyApp(packageName: string): string {
  return `
import { ApiError, MissingCredentialsError } from ${JSON.stringify(packageName)};
export const isSessionkitFailure = (e: unknown) => e instanceof ApiError || e instanceof MissingCredentialsError;
`;
}

afterAll(() => {
  const rows = Object.entries(measured).map(
    ([label, m]) => `${label.padEnd(28)} ${String(m.min).padStart(8)} ${String(m.gzip).padStart(10)}`,
  );
  console.log(`bundle                        min (B)  min+gz (B)\n${rows.join("\n")}`);
});

describe("markers are live (each is found where its code is used)", () => {
  const controls: [BundleMarker, string][] = [
    ["scram", `import { createScramClient } from "@sessionkit/auth-helpers"; export { createScramClient };`],
    ["saslprep", `import { createScramClient } from "@sessionkit/auth-helpers"; export { createScramClient };`],
    ["cookieJar", `import { cookieSession } from "@sessionkit/auth-helpers"; export { cookieSession };`],
    ["openapiFetch", `import { createApiClient } from "@sessionkit/auth-helpers"; export { createApiClient };`],
  ];
  test.each(controls)(
    "%s",
    async (marker, source) => {
      const { code } = await bundle(`control:${marker}`, source);
      expect(code).toContain(BUNDLE_MARKERS[marker]);
    },
    TIMEOUT,
  );
});

test(
  "auth-helpers tree-shakes: a bearer-only import pulls in no SCRAM, SASLprep, cookie jar or HTTP client",
  async () => {
    const { code } = await bundle(
      "auth-helpers:bearer",
      `import { bearer } from "@sessionkit/auth-helpers"; export const auth = bearer(() => "t");`,
    );
    expect(markersIn(code)).toEqual([]);
  },
  TIMEOUT,
);

test(
  "auth-helpers/errors alone stays within the errors-only budget and has no HTTP client",
  async () => {
    const { code, gzipBytes } = await bundle("auth-helpers/errors", errorsOnlyApp("@sessionkit/auth-helpers/errors"));
    expect(markersIn(code)).toEqual([]);
    expect(gzipBytes).toBeLessThanOrEqual(budget.errorsOnlyMaxGzipBytes);
  },
  TIMEOUT,
);

describe.each(providers)("%s browser bundle", (provider) => {
  test(
    "the app stays within its budget and leaves out the auth code it does not use",
    async () => {
      const limits = budgetFor(budget, provider);
      const { code, gzipBytes, inputs } = await bundle(provider, usageFor(provider).app);
      expect(inputs.some((i) => i.includes(`packages/${provider}/dist/`))).toBe(true);
      expect(markersIn(code).filter((m) => limits.mustNotContain.includes(m))).toEqual([]);
      expect(gzipBytes).toBeLessThanOrEqual(limits.maxGzipBytes);
    },
    TIMEOUT,
  );

  test(
    "an app importing only the errors contains neither the HTTP client nor any auth code",
    async () => {
      const name = readWorkspacePackage(provider).manifest.name;
      const { code, gzipBytes } = await bundle(`${provider}:errors-only`, errorsOnlyApp(name));
      expect(markersIn(code)).toEqual([]);
      expect(gzipBytes).toBeLessThanOrEqual(budget.errorsOnlyMaxGzipBytes);
    },
    TIMEOUT,
  );
});
