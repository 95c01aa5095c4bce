/**
 * What a bundle is made of, module by module. scripts/lib/bundle-app.ts (the CI size budget's bundler) gives the
 * sizes but only the names of the inputs, and a package's dist/ is one chunk, so this builds the same app from the
 * packages' src/ (workspace imports aliased to src/index.ts) with the same esbuild settings and reads each module's
 * bytes in the output from the metafile.
 */
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Plugin, build } from "esbuild";
import { browserAppBuild } from "../../scripts/lib/bundle-app";
import { PACKAGES_DIR } from "../lib/repo";

export interface InputShare {
  /** A source module of ours, or a third-party package by name. */
  input: string;
  bytes: number;
}

const fromSource: Plugin = {
  name: "workspace-src",
  setup(b) {
    b.onResolve({ filter: /^@sessionkit\/[^/]+(\/errors)?$/ }, (args) => {
      const [, name, sub] = /^@sessionkit\/([^/]+)(\/errors)?$/.exec(args.path)!;
      return { path: join(PACKAGES_DIR, name!, "src", sub ? "errors.ts" : "index.ts") };
    });
  },
};

export interface SourceBundle {
  minBytes: number;
  gzipBytes: number;
  inputs: InputShare[];
}

export async function bundleFromSource(source: string, label: string): Promise<SourceBundle> {
  const result = await build({ ...browserAppBuild(source, label), plugins: [fromSource] });
  const output = Object.values(result.metafile.outputs)[0]!;
  const grouped = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = groupOf(path);
    grouped.set(key, (grouped.get(key) ?? 0) + bytesInOutput);
  }
  const inputs = [...grouped].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes);
  const code = result.outputFiles[0]!.contents;
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, inputs };
}

/** Third-party code by package name (its internals are not ours to trim); our code by file. */
function groupOf(path: string): string {
  const at = path.lastIndexOf("node_modules/");
  if (at >= 0) {
    const pkg = /^((?:@[^/]+\/)?[^/]+)/.exec(path.slice(at + "node_modules/".length));
    return `${pkg?.[1] ?? path} (dependency)`;
  }
  const ours = /packages\/(.+)$/.exec(path);
  return ours ? ours[1]! : path;
}
