import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * A provider's spec with mocks/overrides/<provider>.yaml deep-merged over it. Overrides change what the
 * mock serves (examples, extra example sets) without touching the spec the clients are generated from.
 */
export function specWithOverrides(
  specFile: string,
  provider: string,
  overridesDir = join(__dirname, "overrides"),
): object {
  const spec = parse(readFileSync(specFile, "utf8")) as object;
  const overrideFile = join(overridesDir, `${provider}.yaml`);
  if (!existsSync(overrideFile)) return spec;
  return deepMerge(spec, parse(readFileSync(overrideFile, "utf8")) ?? {});
}

function deepMerge(base: any, over: any): any {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = key in base ? deepMerge(base[key], value) : value;
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
