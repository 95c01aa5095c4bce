// Shared provider build (dual ESM + CJS with .d.ts): see /tsup.provider.ts.
export { default } from "../../tsup.provider";
