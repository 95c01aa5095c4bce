import { gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";
import { ROOT } from "./providers";

export interface AppBundle {
  code: string;
  /** Minified bytes. */
  minBytes: number;
  /** Minified, then gzip -9. */
  gzipBytes: number;
  /** Every module that ended up in the bundle (paths relative to the repo root), to say where a leak came from. */
  inputs: string[];
}

/** The esbuild settings of a shipped browser app, shared by the CI size budget and `pnpm bench size`. */
export function browserAppBuild(source: string, label: string) {
  return {
    stdin: { contents: source, loader: "ts", resolveDir: `${ROOT}/scripts`, sourcefile: `${label}.ts` },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    metafile: true,
    logLevel: "silent",
  } satisfies BuildOptions;
}

/**
 * Bundles a tiny app the way a browser app would ship it: ESM, tree-shaken, minified for the browser platform.
 * Packages resolve from scripts/ (its workspace dependencies are symlinks), so what is bundled is each
 * package's built `dist/` through its `exports` map, exactly as an installed copy. A Node-only import
 * (node:util, ...) cannot resolve for the browser and fails the build, naming the importer.
 */
export async function bundleApp(source: string, label: string): Promise<AppBundle> {
  const result = await build(browserAppBuild(source, label));
  const code = result.outputFiles[0]!.text;
  return {
    code,
    minBytes: Buffer.byteLength(code),
    gzipBytes: gzipSync(code, { level: 9 }).length,
    inputs: Object.keys(result.metafile.inputs).sort(),
  };
}
