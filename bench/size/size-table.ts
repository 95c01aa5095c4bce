/** Table 2: bundle size per provider (an app that logs in with one call), minified and gzipped, with esbuild. */
import { type AppBundle, bundleApp } from "../../scripts/lib/bundle-app";
import { kB } from "../lib/format";
import { typescriptFetchClient } from "../lib/openapi-generator";
import { buildWarning, listPackages, packageBuild } from "../lib/repo";
import type { Grid, Goal, Section } from "../lib/report";
import { type SourceBundle, bundleFromSource } from "./input-bytes";
import { PROVIDER_APPS, type SizeApp, openapiFetchApp, typescriptFetchApp } from "./size-apps";

const GOAL_GZIP_BYTES = 4000;
const SMALL_KINDS = new Set(["header", "query", "none"]);
const KIND_LABEL: Record<string, string> = {
  header: "credential in a header",
  query: "credentials in the query",
  none: "no credential",
  cookie: "cookie jar",
  scram: "SCRAM",
  reference: "reference",
};
const TOP_INPUTS = 8;

export async function sizeTable(): Promise<Section> {
  const notes: string[] = [];
  const builds = listPackages().map(packageBuild);
  const warning = buildWarning(builds);
  if (warning) notes.push(warning);
  const built = new Set(builds.filter((b) => b.state !== "missing").map((b) => b.name));

  const apps: SizeApp[] = [openapiFetchApp()];
  try {
    apps.push(typescriptFetchApp((await typescriptFetchClient("koyeb")).entry));
  } catch (err) {
    notes.push(`no typescript-fetch reference: ${(err as Error).message}`);
  }
  apps.push(...PROVIDER_APPS.filter((a) => !a.provider || built.has(a.provider)));

  const rows: string[][] = [];
  const goals: Goal[] = [];
  const breakdowns: Grid[] = [];
  let floor: AppBundle | undefined;
  for (const app of apps) {
    let bundle: AppBundle;
    try {
      bundle = await bundleApp(app.source, app.label);
    } catch (err) {
      rows.push([app.label, KIND_LABEL[app.kind]!, "–", "–", "–", "–"]);
      notes.push(`${app.label}: bundling failed: ${(err as Error).message.split("\n")[0]}`);
      continue;
    }
    floor ??= bundle;
    const extra = bundle.gzipBytes - floor.gzipBytes;
    const fromSrc = app.provider ? await bundleFromSource(app.source, app.label) : undefined;
    rows.push([
      app.label,
      KIND_LABEL[app.kind]!,
      kB(bundle.minBytes),
      kB(bundle.gzipBytes),
      app === apps[0] ? "" : `${extra >= 0 ? "+" : ""}${kB(extra)}`,
      fromSrc ? kB(fromSrc.gzipBytes) : "",
    ]);
    if (!app.provider || !fromSrc) continue;
    const small = SMALL_KINDS.has(app.kind);
    if (small) {
      goals.push({
        what: `${app.label} (${KIND_LABEL[app.kind]}) min+gzip`,
        target: `≤ ${kB(GOAL_GZIP_BYTES, 1)}`,
        measured: kB(bundle.gzipBytes),
        met: bundle.gzipBytes <= GOAL_GZIP_BYTES,
      });
    }
    if (!small || bundle.gzipBytes > GOAL_GZIP_BYTES) breakdowns.push(breakdown(app, bundle, fromSrc));
  }

  return {
    id: "size",
    title: "2. Bundle size per provider",
    method:
      "Each app creates the client with its auth and calls one operation; bundled, tree-shaken and minified by esbuild for the browser " +
      "(ESM, es2022) through scripts/lib/bundle-app.ts, the CI size budget's bundler, which resolves each package's built dist/ through " +
      "its exports map as an installed copy would. min+gzip is gzip -9 of the minified output.",
    grids: [
      {
        header: ["app", "auth", "min", "min+gzip", "vs openapi-fetch app (gzip)", "min+gzip built from src/"],
        rows,
        align: ["l", "l", "r", "r", "r", "r"],
      },
      ...breakdowns,
    ],
    goals,
    notes: [
      ...notes,
      "built from src/: the same app and esbuild settings with the workspace packages resolved to their src/ (bench/size/input-bytes.ts); " +
        "it splits the bytes by module (esbuild metafile) where dist/ is one chunk per package, and shows what tree-shaking can reach.",
    ],
  };
}

function breakdown(app: SizeApp, bundle: AppBundle, fromSrc: SourceBundle): Grid {
  const { minBytes: total, inputs } = fromSrc;
  const top = inputs.slice(0, TOP_INPUTS);
  const rest = inputs.slice(TOP_INPUTS).reduce((sum, i) => sum + i.bytes, 0);
  const share = (bytes: number) => `${((bytes / total) * 100).toFixed(0)}%`;
  const rows = top.map((i) => [i.input, kB(i.bytes), share(i.bytes)]);
  if (rest > 0) rows.push([`${inputs.length - TOP_INPUTS} more inputs`, kB(rest), share(rest)]);
  return {
    caption: `**What dominates ${app.label}** (${KIND_LABEL[app.kind]}): min ${kB(bundle.minBytes)} from dist/, ${kB(total)} from src/`,
    header: ["input (src/ build)", "bytes in min output", "share"],
    rows,
    align: ["l", "r", "r"],
  };
}
