import { defineConfig } from "tsup";

export default defineConfig({
  // Each module that imports a third-party package is its own entry, so with `sideEffects: false` a bundler drops
  // what an app does not use: no tough-cookie without cookieSession, no SASLprep tables without SCRAM.
  entry: [
    "src/index.ts",
    "src/errors.ts",
    "src/cookie-session.ts",
    "src/scram.ts",
    "src/jwt.ts",
    "src/create-client.ts",
  ],
  format: ["esm", "cjs"],
  dts: { entry: ["src/index.ts", "src/errors.ts"] },
  clean: true,
  treeshake: true,
  // One copy of each module for both entries, in CJS too: two copies of ApiError would break `instanceof`.
  splitting: true,
  target: "es2022",
  // tough-cookie and SASLprep are loaded with `import()` on first use. In the CJS build that becomes `require()`:
  // a native import() from CommonJS fails in jest's vm sandbox (no --experimental-vm-modules) and would load the
  // ESM copy of a dual package next to the CJS one.
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.supported = { ...options.supported, "dynamic-import": false };
  },
});
