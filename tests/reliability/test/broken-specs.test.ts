/**
 * Broken specs (fixtures/broken-specs/) are rejected with the file and the line:column of the problem: by the
 * generator (scripts/lib/codegen.ts) where generating code from them would fail or produce a broken client, by
 * the spec linter (Redocly, scripts/lib/spec-lint.ts) where only the schema is wrong. And `pnpm generate` writes
 * nothing at all when one spec of the run is broken: the other providers' src/generated/ stay as they were.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redoclyLint } from "../../../scripts/lib/spec-lint";

const FIXTURES = join(__dirname, "..", "fixtures", "broken-specs");
const ROOT = join(__dirname, "..", "..", "..");
// The generator runs under tsx, as `pnpm generate` runs it (see support/run-generator.ts for why not in jest).
const TSX = join(ROOT, "scripts", "node_modules", ".bin", "tsx");

function tsx(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(TSX, args, { cwd: join(__dirname, ".."), encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface GeneratorResult {
  file: string;
  ok: boolean;
  message?: string;
  files?: string[];
}

/** generateProvider over several spec files in one tsx process. */
function generateAll(files: string[]): GeneratorResult[] {
  const run = tsx([join(__dirname, "..", "support", "run-generator.ts"), ...files]);
  if (run.status !== 0) throw new Error(`run-generator failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as GeneratorResult[];
}

/** scripts/generate.ts as `pnpm generate` runs it. */
function generateCli(args: string[]) {
  return tsx([join(ROOT, "scripts", "generate.ts"), ...args]);
}

interface Expectation {
  /** Which gate rejects it. */
  by: "generator" | "linter";
  /** line:column of the problem in the fixture. */
  at: string;
  /** The generator's message, or the Redocly rule that fires. */
  message: RegExp | string;
}

const EXPECTED: Record<string, Expectation> = {
  "bad-yaml": { by: "generator", at: "17:23", message: /YAML: Missing closing "quote/ },
  "duplicate-yaml-key": { by: "generator", at: "18:7", message: /YAML: Map keys must be unique/ },
  "missing-openapi-field": {
    by: "generator",
    at: "1:1",
    message: /not an OpenAPI document \(no `openapi:` version field\)/,
  },
  "dangling-ref": { by: "generator", at: "34:17", message: /Can't resolve \$ref/ },
  "duplicate-operation-id": {
    by: "generator",
    at: "42:20",
    message: /duplicate operationId "login" \(also POST \/login\)/,
  },
  "undeclared-path-parameter": {
    by: "generator",
    at: "41:7",
    message: /path parameter "deviceId" of .* is not declared/,
  },
  "bad-operation-id": {
    by: "generator",
    at: "41:7",
    message: /operationId must be a JavaScript identifier, got "log-out"/,
  },
  "missing-operation-id": {
    by: "generator",
    at: "41:7",
    message: /operationId must be a JavaScript identifier, got undefined/,
  },
  "circular-reference": {
    by: "generator",
    at: "69:13",
    message: /circular \$ref: #\/components\/schemas\/Token → #\/components\/schemas\/Token/,
  },
  "example-contradicts-schema": { by: "linter", at: "36:24", message: "no-invalid-media-type-examples" },
  "parameter-example-contradicts-schema": { by: "linter", at: "51:20", message: "no-invalid-parameter-examples" },
  "missing-response": { by: "linter", at: "50:7", message: "operation-2xx-response" },
  "wrong-type": { by: "linter", at: "69:13", message: "struct" },
  "undefined-security-scheme": { by: "linter", at: "9:5", message: "security-defined" },
};

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.slice(0, -".yaml".length))
  .sort();

test("there are at least ten broken-spec fixtures, each with an expectation", () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(10);
  expect(fixtures).toEqual(Object.keys(EXPECTED).sort());
});

const byGenerator = fixtures.filter((f) => EXPECTED[f]?.by === "generator");
const byLinter = fixtures.filter((f) => EXPECTED[f]?.by === "linter");
let generated: Map<string, GeneratorResult>;
let tree: GeneratorResult;
beforeAll(() => {
  // A control: a schema that recurses through `items` (a tree) is legal and must not be taken for a circular $ref.
  const dir = mkdtempSync(join(tmpdir(), "sk-recursive-"));
  try {
    const spec = readFileSync(join(FIXTURES, "circular-reference.yaml"), "utf8").replace(
      '    Token:\n      $ref: "#/components/schemas/Token"',
      '    Token:\n      type: object\n      properties:\n        children:\n          type: array\n          items:\n            $ref: "#/components/schemas/Token"',
    );
    expect(spec).toContain("children:");
    writeFileSync(join(dir, "tree.yaml"), spec);
    const results = generateAll([...byGenerator.map((name) => join(FIXTURES, `${name}.yaml`)), join(dir, "tree.yaml")]);
    tree = results.pop()!;
    generated = new Map(results.map((r, i) => [byGenerator[i]!, r]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test.each(byGenerator)("%s: the generator rejects it, naming file:line:column", (name) => {
  const expectation = EXPECTED[name]!;
  const result = generated.get(name)!;
  expect(result.ok).toBe(false);
  expect(result.message).toContain(`broken-specs/${name}.yaml:${expectation.at} `);
  expect(result.message).toMatch(expectation.message);
});

test.each(byLinter)("%s: the spec linter rejects it, naming file:line:column and the rule", (name) => {
  const expectation = EXPECTED[name]!;
  const result = redoclyLint(join(FIXTURES, `${name}.yaml`));
  expect(result.ok).toBe(false);
  expect(result.output).toContain(`broken-specs/${name}.yaml:${expectation.at} `);
  expect(result.output).toContain(`generated by the ${expectation.message as string} rule`);
});

test("a recursive schema (a tree through `items`) is not mistaken for a circular $ref", () => {
  expect(tree).toMatchObject({ ok: true });
  expect(tree.files!.sort()).toEqual(["operations.ts", "schema.ts"]);
});

describe("scripts/generate.ts on a tree with one valid and one broken provider", () => {
  let dir: string;
  let specsDir: string;
  let packagesDir: string;
  const STALE = "// stale output from an earlier run: regenerating would rewrite this\n";
  const OLD = new Date("2020-01-01T00:00:00Z");

  /** Every file under dir with its content and mtime. */
  const snapshot = (root: string) =>
    (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
      .filter((e) => e.isFile())
      .map((e) => {
        const file = join(e.parentPath, e.name);
        return { file: file.slice(root.length), content: readFileSync(file, "utf8"), mtime: statSync(file).mtimeMs };
      })
      .sort((a, b) => a.file.localeCompare(b.file));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "sk-generate-"));
    specsDir = join(dir, "specs");
    packagesDir = join(dir, "packages");
    mkdirSync(specsDir);
    cpSync(join(ROOT, "specs", "koyeb.yaml"), join(specsDir, "koyeb.yaml"));
    cpSync(join(FIXTURES, "duplicate-operation-id.yaml"), join(specsDir, "broken.yaml"));
    for (const [provider, files] of [
      ["koyeb", ["schema.ts", "operations.ts"]],
      ["broken", ["operations.ts"]],
    ] as const) {
      const generated = join(packagesDir, provider, "src", "generated");
      mkdirSync(generated, { recursive: true });
      for (const f of files) {
        writeFileSync(join(generated, f), STALE);
        utimesSync(join(generated, f), OLD, OLD);
      }
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("fails naming the broken spec's file:line:column and writes nothing, not even the valid provider", () => {
    const before = snapshot(packagesDir);
    const run = generateCli(["--specs-dir", specsDir, "--packages-dir", packagesDir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml:42:20 duplicate operationId "login"/);
    expect(snapshot(packagesDir)).toEqual(before);
  });

  test("the same run without the broken spec does rewrite the valid provider (so the test above could see a write)", () => {
    rmSync(join(specsDir, "broken.yaml"));
    const run = generateCli(["--specs-dir", specsDir, "--packages-dir", packagesDir]);
    expect(run.status).toBe(0);
    const schema = readFileSync(join(packagesDir, "koyeb", "src", "generated", "schema.ts"), "utf8");
    expect(schema).toMatch(/^\/\/ This file is generated from specs\/koyeb\.yaml/);
    // The provider whose spec is gone is not touched either.
    expect(readFileSync(join(packagesDir, "broken", "src", "generated", "operations.ts"), "utf8")).toBe(STALE);
  });

  test("--check reports the stale valid provider and still writes nothing", () => {
    rmSync(join(specsDir, "broken.yaml"));
    const before = snapshot(packagesDir);
    const run = generateCli(["--check", "--specs-dir", specsDir, "--packages-dir", packagesDir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("generated code is stale");
    expect(snapshot(packagesDir)).toEqual(before);
  });
});
