import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pascalCase } from "./scaffold-template";

/** The package every new provider is shaped after (PROVIDER-PATTERN: "copy koyeb's, change names"). */
export const MODEL_PROVIDER = "koyeb";

/** Config files taken from the model package as they are now, with its name replaced. */
const COPIED = ["turbo.json", "tsconfig.json", "tsup.config.ts", "jest.config.cjs"];

/**
 * package.json and the build/test configs of packages/<name>, derived from the model package at the time the
 * command runs, so a new provider gets today's scripts, dependencies and settings rather than a stale template.
 */
export function packageFiles(modelDir: string, name: string, title: string): { name: string; content: string }[] {
  const read = (file: string) => {
    const path = join(modelDir, file);
    if (!existsSync(path)) throw new Error(`the model package has no ${file} (looked for ${path})`);
    return readFileSync(path, "utf8");
  };
  const rename = (text: string) =>
    text
      .replace(new RegExp(`\\b${MODEL_PROVIDER}\\b`, "g"), name)
      .replace(new RegExp(`\\b${pascalCase(MODEL_PROVIDER)}\\b`, "g"), pascalCase(name));

  // Every string renamed (scripts, repository.directory, ...); keys (dependency names) are left as they are.
  const renamed = (value: unknown): unknown =>
    typeof value === "string"
      ? rename(value)
      : Array.isArray(value)
        ? value.map(renamed)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v)]))
          : value;
  const pkg = renamed(JSON.parse(read("package.json"))) as Record<string, unknown>;
  pkg.name = `@sessionkit/${name}`;
  pkg.description = `Typed client for ${title}, generated from its OpenAPI spec`;
  return [
    { name: "package.json", content: `${JSON.stringify(pkg, null, 2)}\n` },
    ...COPIED.map((file) => ({ name: file, content: rename(read(file)) })),
  ];
}
