// The one build config every provider package re-exports from its tsup.config.ts: dual ESM + CJS with .d.ts.
import type { Options } from "tsup";

const providerBuild: Options = {
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  treeshake: true,
  target: "es2022",
};

export default providerBuild;
