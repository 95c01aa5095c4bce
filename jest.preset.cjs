// Shared jest settings: CJS mode with @swc/jest (type-stripping only; `tsc --noEmit` runs as the typecheck task).
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  moduleFileExtensions: ["ts", "js", "cjs", "json"],
  testMatch: ["<rootDir>/test/**/*.test.ts"],
};
