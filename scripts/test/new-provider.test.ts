/**
 * `pnpm new-provider` end to end. The command scaffolds the sample spec into a temporary copy of the repo layout
 * (`--root`); the new package is then type-checked, built and its generated contract test run against Prism, as a
 * maintainer would. Bad input is refused with a clear message and leaves nothing behind, and the real repository
 * is never touched.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parse, stringify } from "yaml";

const REPO = resolve(__dirname, "..", "..");
const FIXTURE = join(__dirname, "fixtures", "sample-provider.yaml");
const MODEL = join(REPO, "packages", "koyeb");
const SCAFFOLDED = ["acme", "acmekeys", "acmenone", "acmeinplace"];
/**
 * What the command writes for these names, in the real repo if it ignored --root. (Not the whole of specs/,
 * packages/ and mocks/: other work edits them in the same tree while this test runs.)
 */
const REAL_TARGETS = [...SCAFFOLDED.flatMap((n) => [`specs/${n}.yaml`, `packages/${n}`]), "mocks/ports.json"];

// Children must not inherit what would point them elsewhere (another base URL, pnpm's invocation directory).
const { TEST_API_BASE_URL: _url, INIT_CWD: _cwd, JEST_WORKER_ID: _worker, ...childEnv } = process.env;

let root: string;
let work: string;
let realStatusBefore: string;
let realPortsBefore: string;

beforeAll(() => {
  realStatusBefore = gitStatus();
  realPortsBefore = readFileSync(join(REPO, "mocks", "ports.json"), "utf8");
  work = mkdtempSync(join(tmpdir(), "sk-new-provider-"));
  root = join(work, "repo");
  copyRepoLayout(root);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * The minimum of the repo the command and the new package need: the root's shared configs, the specs (so existing
 * providers are known), the model package's configs, auth-helpers as built now (a snapshot, so a rebuild elsewhere can't pull its dist away
 * mid-test), mocks/ (copied, so its spec lookups resolve inside the copy) and the shared tsconfig/jest preset;
 * node_modules are links to the real ones.
 */
function copyRepoLayout(dest: string): void {
  mkdirSync(dest);
  // The shared configs the packages' own configs point at (tsconfig.base.json, jest.preset.cjs, tsup.provider.ts, ...).
  for (const e of readdirSync(REPO, { withFileTypes: true })) {
    if (e.isFile() && /\.(ts|cjs|json)$/.test(e.name)) copyFileSync(join(REPO, e.name), join(dest, e.name));
  }
  mkdirSync(join(dest, "specs"), { recursive: true });
  for (const f of readdirSync(join(REPO, "specs")).filter((f) => f.endsWith(".yaml"))) {
    copyFileSync(join(REPO, "specs", f), join(dest, "specs", f));
  }
  mkdirSync(join(dest, "packages", "koyeb"), { recursive: true });
  for (const f of ["package.json", "turbo.json", "tsconfig.json", "tsup.config.ts", "jest.config.cjs"]) {
    copyFileSync(join(MODEL, f), join(dest, "packages", "koyeb", f));
  }
  copyAuthHelpers(join(dest, "packages", "auth-helpers"));
  mkdirSync(join(dest, "mocks"));
  for (const f of readdirSync(join(REPO, "mocks")).filter((f) => f.endsWith(".ts") || f.endsWith(".json"))) {
    copyFileSync(join(REPO, "mocks", f), join(dest, "mocks", f));
  }
  symlinkSync(realpathSync(join(REPO, "mocks", "node_modules")), join(dest, "mocks", "node_modules"));
}

/** auth-helpers' dist as built now, or (while a rebuild elsewhere has it half-written) built here from its sources. */
function copyAuthHelpers(dest: string): void {
  const helpers = join(REPO, "packages", "auth-helpers");
  mkdirSync(dest, { recursive: true });
  symlinkSync(realpathSync(join(helpers, "node_modules")), join(dest, "node_modules"));
  const built = [
    "index.js",
    "index.cjs",
    "index.d.ts",
    "index.d.cts",
    "errors.js",
    "errors.cjs",
    "errors.d.ts",
    "errors.d.cts",
  ];
  const files = built.every((f) => existsSync(join(helpers, "dist", f)))
    ? ["package.json", "dist"]
    : ["package.json", "src", "tsconfig.json", "tsup.config.ts"];
  for (const f of files) cpSync(join(helpers, f), join(dest, f), { recursive: true });
  if (files.includes("src")) {
    const tsup = run(process.execPath, [join(dest, "node_modules", "tsup", "dist", "cli-default.js")], dest, 90_000);
    if (tsup.status !== 0) throw new Error(`building auth-helpers failed:\n${tsup.output}`);
  }
}

/**
 * What `pnpm install` would link for the new package: every dependency its package.json names, taken from the model
 * package's node_modules (the same versions), the workspace packages from the copy.
 */
function linkDependencies(pkgDir: string): void {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
    const workspace = {
      "@sessionkit/mocks": join(root, "mocks"),
      "@sessionkit/auth-helpers": join(root, "packages", "auth-helpers"),
    }[dep];
    const target = workspace ?? realpathSync(join(MODEL, "node_modules", dep));
    mkdirSync(join(pkgDir, "node_modules", dep, ".."), { recursive: true });
    symlinkSync(target, join(pkgDir, "node_modules", dep));
  }
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
  timeoutMs = 60_000,
): SpawnSyncReturns<string> & { output: string } {
  const r = spawnSync(cmd, args, { cwd, env: childEnv, encoding: "utf8", timeout: timeoutMs });
  return Object.assign(r, { output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}` });
}

/** The command itself (what `pnpm new-provider` runs), against the temporary root. */
function newProvider(...args: string[]) {
  return run(
    process.execPath,
    ["--import", "tsx", join(REPO, "scripts", "new-provider.ts"), ...args, "--root", root],
    join(REPO, "scripts"),
  );
}

/** A binary of the new package's (linked) dependencies, run with node. */
function bin(pkgDir: string, path: string, args: string[], timeoutMs = 60_000) {
  return run(process.execPath, [join(pkgDir, "node_modules", path), ...args], pkgDir, timeoutMs);
}

function runContractTest(pkgDir: string) {
  const results = join(pkgDir, ".jest-results.json");
  rmSync(results, { force: true });
  const r = bin(pkgDir, "jest/bin/jest.js", ["--ci", "--runInBand", "--json", `--outputFile=${results}`], 90_000);
  const summary = existsSync(results)
    ? (JSON.parse(readFileSync(results, "utf8")) as {
        numPassedTests: number;
        numFailedTests: number;
        testResults: { assertionResults: { title: string; status: string }[] }[];
      })
    : undefined;
  return {
    ...r,
    summary,
    failed:
      summary?.testResults.flatMap((t) =>
        t.assertionResults.filter((a) => a.status === "failed").map((a) => a.title),
      ) ?? [],
  };
}

/** `biome check` (what `pnpm lint` runs) over the new package's hand-written sources, with the repo's biome.json. */
function biomeCheck(pkgDir: string) {
  const biome = join(REPO, "node_modules", "@biomejs", "biome", "bin", "biome");
  const args = [
    "check",
    `--config-path=${join(REPO, "biome.json")}`,
    "--vcs-enabled=false",
    "--error-on-warnings",
    "src/index.ts",
    "src/client.ts",
    "test",
  ];
  return run(process.execPath, [biome, ...args], pkgDir);
}

function gitStatus(): string {
  const r = spawnSync("git", ["status", "--porcelain", "--untracked-files=all", "--", ...REAL_TARGETS], {
    cwd: REPO,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`git status failed: ${r.stderr}`);
  return r.stdout;
}

/** Every file under the temporary root (node_modules aside), to prove a refused run wrote nothing. */
function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !join(e.parentPath, e.name).includes("node_modules"))
    .map(
      (e) => `${relative(dir, join(e.parentPath, e.name))} ${readFileSync(join(e.parentPath, e.name), "utf8").length}`,
    )
    .sort();
}

/** A variant of the sample spec, written next to the temporary root. */
function variant(file: string, edit: (doc: any) => void): string {
  const doc = parse(readFileSync(FIXTURE, "utf8"));
  edit(doc);
  const path = join(work, file);
  writeFileSync(path, stringify(doc));
  return path;
}

function nextPort(): number {
  const ports = JSON.parse(readFileSync(join(root, "mocks", "ports.json"), "utf8")) as Record<string, unknown>;
  return Math.max(...Object.values(ports).filter((v): v is number => typeof v === "number")) + 1;
}

describe("bad input is refused with a clear message, exit 2, and nothing written", () => {
  const broken = () => {
    const path = join(work, "broken-yaml.yaml");
    writeFileSync(path, "openapi: 3.0.3\ninfo: {title: Broken\npaths: {}\n");
    return path;
  };
  const cases: [string, () => string[], RegExp][] = [
    [
      "a name that is not a lowercase identifier",
      () => ["Acme-Auth", FIXTURE],
      /provider name "Acme-Auth" is not a lowercase identifier/,
    ],
    [
      "an existing provider",
      () => ["koyeb", FIXTURE],
      /provider "koyeb" already exists \(specs\/koyeb\.yaml, packages\/koyeb\/, a port in mocks\/ports\.json\)/,
    ],
    [
      "a workspace package's name",
      () => ["mocks", FIXTURE],
      /provider name "mocks" is taken by the workspace package @sessionkit\/mocks/,
    ],
    [
      "a spec file that does not exist",
      () => ["acme", join(work, "missing.yaml")],
      /spec file not found: .*missing\.yaml/,
    ],
    [
      "a spec that is not valid YAML",
      () => ["acme", broken()],
      /the spec is not usable: .*broken-yaml\.yaml:\d+:\d+ YAML: /,
    ],
    [
      "a spec with a duplicate operationId",
      () => ["acme", variant("duplicate-id.yaml", (d) => (d.paths["/auth/logout"].post.operationId = "login"))],
      /duplicate-id\.yaml:\d+:\d+ duplicate operationId "login"/,
    ],
    [
      "a spec the repo's lint rejects",
      () => ["acme", variant("no-summary.yaml", (d) => delete d.paths["/auth/logout"].post.summary)],
      /does not pass the repo's spec lint[\s\S]*operation-summary/,
    ],
    ["a missing argument", () => ["acme"], /expected a provider name and a spec file\nusage: pnpm new-provider/],
  ];
  test.each(cases)(
    "%s",
    (_, args, message) => {
      const before = listTree(root);
      const r = newProvider(...args());
      expect(r.stderr).toMatch(message);
      expect(r.status).toBe(2);
      expect(r.stdout).not.toMatch(/wrote/);
      expect(listTree(root)).toEqual(before);
    },
    30_000,
  );
});

describe("a bearer-token provider from the sample spec", () => {
  const pkgDir = () => join(root, "packages", "acme");
  let port: number;
  let scaffold: ReturnType<typeof run>;

  beforeAll(() => {
    port = nextPort();
    // Through the root package.json's script entry, as a maintainer runs it.
    scaffold = run("pnpm", ["--silent", "new-provider", "acme", FIXTURE, "--root", root], REPO, 90_000);
  }, 120_000);

  test("the command writes the spec, the port and the package, and prints the next steps", () => {
    expect(scaffold.output).toContain(`new provider "acme" (mock port ${port})`);
    expect(scaffold.status).toBe(0);
    for (const file of [
      "specs/acme.yaml",
      "packages/acme/package.json",
      "packages/acme/turbo.json",
      "packages/acme/tsconfig.json",
      "packages/acme/tsup.config.ts",
      "packages/acme/jest.config.cjs",
      "packages/acme/README.md",
      "packages/acme/src/index.ts",
      "packages/acme/src/client.ts",
      "packages/acme/src/generated/schema.ts",
      "packages/acme/src/generated/operations.ts",
      "packages/acme/test/contract/acme.contract.test.ts",
      "packages/acme/docs/README.md",
      "packages/acme/docs/Apis/SessionsApi.md",
      "mocks/ports.json",
    ]) {
      expect(scaffold.stdout).toContain(`wrote ${file}\n`);
      expect(existsSync(join(root, file))).toBe(true);
    }
    expect(scaffold.stdout).toMatch(/Next steps:\n\s+1\. pnpm install/);
    expect(scaffold.stdout).toContain(`pnpm mock acme   # Prism on http://127.0.0.1:${port}`);

    expect(readFileSync(join(root, "specs", "acme.yaml"), "utf8")).toBe(readFileSync(FIXTURE, "utf8"));
    expect(JSON.parse(readFileSync(join(root, "mocks", "ports.json"), "utf8")).acme).toBe(port);
  });

  test("package.json and turbo.json are the model package's, renamed", () => {
    const model = JSON.parse(readFileSync(join(MODEL, "package.json"), "utf8"));
    const pkg = JSON.parse(readFileSync(join(pkgDir(), "package.json"), "utf8"));
    expect(pkg.name).toBe("@sessionkit/acme");
    expect(pkg.description).toBe("Typed client for Acme Sessions API, generated from its OpenAPI spec");
    expect(pkg.scripts).toEqual(
      Object.fromEntries(Object.entries<string>(model.scripts).map(([k, v]) => [k, v.replace(/\bkoyeb\b/g, "acme")])),
    );
    expect(Object.keys(pkg)).toEqual(Object.keys(model));
    expect(JSON.stringify(pkg)).not.toMatch(/koyeb/i);
    expect(pkg.scripts.generate).toBe("tsx ../../scripts/generate.ts acme");
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).toEqual({
      ...model.dependencies,
      ...model.devDependencies,
    });
    const turbo = JSON.parse(readFileSync(join(pkgDir(), "turbo.json"), "utf8"));
    expect(turbo.tasks.generate.inputs).toContain("$TURBO_ROOT$/specs/acme.yaml");
    expect(turbo.tasks["generate:docs"].inputs).toContain("$TURBO_ROOT$/specs/acme.yaml");
    expect(JSON.stringify(turbo)).not.toContain("koyeb");
  });

  test("the client wires bearer auth with a token option and leaves a marked place for the lifecycle", () => {
    const client = readFileSync(join(pkgDir(), "src", "client.ts"), "utf8");
    expect(client).toContain("export function createAcmeClient(options: AcmeClientOptions = {})");
    expect(client).toContain("  token?: string;");
    expect(client).toContain('bearer(() => credentials.token, { provider: "acme" })');
    expect(client).not.toContain("apiKeys(");
    expect(client).toMatch(/TODO\(new-provider\)[\s\S]*async login\(init: OperationInit<Operations\["login"\]>\)/);
    const operations = readFileSync(join(pkgDir(), "src", "generated", "operations.ts"), "utf8");
    expect(operations).toContain('login: {"method":"post","path":"/auth/login","auth":"none","body":"json"},');
    expect(operations).toMatch(/getSession: \{"method":"get","path":"\/sessions\/\{sessionId\}","auth":"required"[,}]/);
    expect(operations).toContain('export const defaultBaseUrl = "https://api.acme-sessions.io/v2";');
  });

  test("the README covers install, usage with the first operations, errors and the mock", () => {
    const readme = readFileSync(join(pkgDir(), "README.md"), "utf8");
    expect(readme).toContain("pnpm add @sessionkit/acme");
    expect(readme).toContain(
      `createAcmeClient({ baseUrl: "http://127.0.0.1:${port}", token: process.env.ACME_TOKEN })`,
    );
    expect(readme).toContain(
      'const loginReply = await acme.login({ body: { username: "jane", password: "correct-horse-battery-staple" } });',
    );
    expect(readme).toContain('await acme.getSession({ params: { path: { sessionId: "ses_01" } } });');
    expect(readme).toContain("- 401: `AuthenticationError` (login, getSession, logout)");
    expect(readme).toContain("`pnpm mock acme`");
    expect(readme).toContain("Leave out the spec's base path `/v2`");
  });

  test("the new package type-checks, lints clean, builds, and passes its generated contract test against Prism", () => {
    linkDependencies(pkgDir());
    const tsc = bin(pkgDir(), "typescript/bin/tsc", ["--noEmit", "-p", "."]);
    expect({ status: tsc.status, output: tsc.output }).toEqual({ status: 0, output: "" });
    const lint = biomeCheck(pkgDir());
    expect(lint.status === 0 ? "ok" : lint.output).toBe("ok");

    const tsup = bin(pkgDir(), "tsup/dist/cli-default.js", []);
    expect(tsup.status === 0 ? "ok" : tsup.output).toBe("ok");
    for (const f of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"])
      expect(existsSync(join(pkgDir(), "dist", f))).toBe(true);
    const built = require(join(pkgDir(), "dist", "index.cjs"));
    expect(built.createAcmeClient({ baseUrl: "http://127.0.0.1:1/" }).baseUrl).toBe("http://127.0.0.1:1");
    expect(typeof built.AuthenticationError).toBe("function");

    const jest = runContractTest(pkgDir());
    expect({ failed: jest.failed, status: jest.status, output: jest.status === 0 ? "" : jest.output }).toEqual({
      failed: [],
      status: 0,
      output: "",
    });
    // 1 completeness check + 3 operations + 10 documented statuses + "refused without a token" + "retried on 503".
    expect(jest.summary).toMatchObject({ numPassedTests: 16, numFailedTests: 0 });
  }, 180_000);

  test("the generated contract test fails when the client stops sending the token", () => {
    const clientFile = join(pkgDir(), "src", "client.ts");
    const original = readFileSync(clientFile, "utf8");
    try {
      const withoutBearer = original.replace(/bearer\(\(\) => credentials\.token, \{ provider: "acme" \}\),?/, "");
      expect(withoutBearer).not.toBe(original);
      writeFileSync(clientFile, withoutBearer);
      const jest = runContractTest(pkgDir());
      expect(jest.status).not.toBe(0);
      expect(jest.failed).toEqual(
        expect.arrayContaining([
          "getSession with the spec's example request is accepted by the mock",
          "logout with the spec's example request is accepted by the mock",
          "a secured operation without credentials is refused by the client before any request",
        ]),
      );
    } finally {
      writeFileSync(clientFile, original);
    }
  }, 120_000);
});

describe("other security schemes get their own wiring", () => {
  const scaffoldAndCheck = (name: string, spec: string) => {
    const port = nextPort();
    const r = newProvider(name, spec, "--no-docs");
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    expect(r.stdout).toContain(`new provider "${name}" (mock port ${port})`);
    expect(r.stdout).toContain(`pnpm --filter @sessionkit/${name} generate:docs`);
    const pkgDir = join(root, "packages", name);
    linkDependencies(pkgDir);
    const tsc = bin(pkgDir, "typescript/bin/tsc", ["--noEmit", "-p", "."]);
    expect({ status: tsc.status, output: tsc.output }).toEqual({ status: 0, output: "" });
    const lint = biomeCheck(pkgDir);
    expect(lint.status === 0 ? "ok" : lint.output).toBe("ok");
    const jest = runContractTest(pkgDir);
    expect({ failed: jest.failed, status: jest.status, output: jest.status === 0 ? "" : jest.output }).toEqual({
      failed: [],
      status: 0,
      output: "",
    });
    return { client: readFileSync(join(pkgDir, "src", "client.ts"), "utf8"), passed: jest.summary?.numPassedTests };
  };

  test("API keys in a header and the query → `apiKeys` strategies, one per location", () => {
    const spec = variant("keys.yaml", (d) => {
      d.components.securitySchemes = {
        acmeKey: { type: "apiKey", in: "header", name: "X-Acme-Key" },
        acmeAccount: { type: "apiKey", in: "query", name: "account" },
      };
      d.security = [{ acmeKey: [], acmeAccount: [] }];
    });
    const { client, passed } = scaffoldAndCheck("acmekeys", spec);
    expect(client).toContain('apiKeys?: { "X-Acme-Key"?: string; account?: string };');
    expect(client).toContain(
      'apiKeys({ provider: "acmekeys", in: "header", keys: { "X-Acme-Key": () => credentials.apiKeys["X-Acme-Key"] } })',
    );
    expect(client).toContain(
      'apiKeys({ provider: "acmekeys", in: "query", keys: { account: () => credentials.apiKeys.account } })',
    );
    expect(client).not.toContain("bearer(");
    expect(passed).toBe(16);
  }, 120_000);

  test("no security scheme → no strategy and no credential options", () => {
    const spec = variant("none.yaml", (d) => {
      delete d.components.securitySchemes;
      delete d.security;
      for (const item of Object.values<any>(d.paths)) for (const op of Object.values<any>(item)) op.security = [];
    });
    const { client, passed } = scaffoldAndCheck("acmenone", spec);
    expect(client).toContain("    [],\n");
    expect(client).not.toMatch(/token\?|apiKeys|bearer\(|const credentials/);
    // No "refused without credentials" test when there are none to miss.
    expect(passed).toBe(15);
  }, 120_000);
});

test("a spec already written to specs/<name>.yaml is scaffolded in place", () => {
  const spec = join(root, "specs", "acmeinplace.yaml");
  copyFileSync(FIXTURE, spec);
  const r = newProvider("acmeinplace", spec, "--no-docs");
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
  expect(readFileSync(spec, "utf8")).toBe(readFileSync(FIXTURE, "utf8"));
  expect(existsSync(join(root, "packages", "acmeinplace", "src", "client.ts"))).toBe(true);
  // Once scaffolded, the same command is refused: the package and the port exist now.
  expect(newProvider("acmeinplace", spec, "--no-docs").stderr).toMatch(
    /"acmeinplace" already exists \(packages\/acmeinplace\/, a port/,
  );
}, 30_000);

describe("afterwards", () => {
  test("the real repository is untouched", () => {
    expect(gitStatus()).toBe(realStatusBefore);
    expect(readFileSync(join(REPO, "mocks", "ports.json"), "utf8")).toBe(realPortsBefore);
    for (const name of SCAFFOLDED) {
      expect(existsSync(join(REPO, "specs", `${name}.yaml`))).toBe(false);
      expect(existsSync(join(REPO, "packages", name))).toBe(false);
    }
  });
});
