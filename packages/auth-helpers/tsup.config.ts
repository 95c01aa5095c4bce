import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/errors.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  treeshake: true,
  // One copy of each module for both entries, in CJS too: two copies of ApiError would break `instanceof`.
  splitting: true,
  target: "es2022",
});
