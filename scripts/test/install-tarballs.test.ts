/**
 * "Installable alone": each provider package, packed as it would be published, installed with its workspace
 * dependencies (auth-helpers) into a fresh npm project outside the workspace, then imported (ESM), required
 * (CJS) and type-checked (node16 and bundler) there. One project per provider, so one package's dependency
 * cannot cover for another's missing one. Turbo builds every package first (scripts depends on all of them).
 *
 * SESSIONKIT_PACK_ONLY=koyeb narrows a local run; the full run covers every provider.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import {
  type ModuleFormat,
  type RuntimeReport,
  parseRuntimeReport,
  writeRuntimeCheck,
  writeTypeCheck,
  workspaceTsc,
} from "../lib/pack-harness";
import { undeclaredImports } from "../lib/pack-imports";
import { createConsumerProject, npmInstall, removeTempDir, runCommand } from "../lib/pack-project";
import { type PackedTarball, missingExportTargets, packTarball } from "../lib/pack-tarball";
import { usageFor } from "../lib/pack-usage";
import {
  type PackageManifest,
  listPackageDirs,
  listProviderDirs,
  onlySelected,
  readWorkspacePackage,
  workspaceClosure,
} from "../lib/pack-workspace";
import { ROOT } from "../lib/providers";

const STEP_TIMEOUT = 120_000;
const providers = onlySelected(listProviderDirs());
const packed = new Map<string, PackedTarball>();
let tarballDir: string | undefined;

/** Packs a workspace package once per run (auth-helpers is shared by every provider's project). */
function packOnce(dir: string): PackedTarball {
  const cached = packed.get(dir);
  if (cached) return cached;
  tarballDir ??= mkdtempSync(join(tmpdir(), "sessionkit-tarballs-"));
  const tarball = packTarball(readWorkspacePackage(dir).path, tarballDir);
  packed.set(dir, tarball);
  return tarball;
}

afterAll(() => removeTempDir(tarballDir));

test("scripts depends on every package, so turbo builds them all before these tests", () => {
  const scripts = JSON.parse(readFileSync(join(ROOT, "scripts", "package.json"), "utf8")) as PackageManifest & {
    devDependencies?: Record<string, string>;
  };
  const declared = { ...scripts.dependencies, ...scripts.devDependencies };
  const missing = listPackageDirs()
    .map((dir) => readWorkspacePackage(dir).manifest.name)
    .filter((name) => !declared[name]?.startsWith("workspace:"));
  expect(missing).toEqual([]);
});

describe.each(onlySelected(listPackageDirs()))("packages/%s is complete for publishing", (dir) => {
  test("metadata, entry points and the publint + attw lint script", () => {
    const m = readWorkspacePackage(dir).manifest as PackageManifest & Record<string, any>;
    expect({
      private: m.private,
      description: typeof m.description === "string" && m.description.length > 0,
      license: m.license,
      repository: m.repository?.directory,
      sideEffects: m.sideEffects,
      engines: typeof m.engines?.node === "string",
      publicAccess: m.publishConfig?.access,
      filesHasDist: Array.isArray(m.files) && m.files.includes("dist"),
      types: typeof m.types === "string",
      rootExport: typeof (m.exports as Record<string, unknown> | undefined)?.["."] === "object",
      lint: /publint --strict/.test(m.scripts?.lint ?? "") && /attw --pack/.test(m.scripts?.lint ?? ""),
    }).toEqual({
      private: undefined,
      description: true,
      license: "MIT",
      repository: `packages/${dir}`,
      sideEffects: false,
      engines: true,
      publicAccess: "public",
      filesHasDist: true,
      types: true,
      rootExport: true,
      lint: true,
    });
  });
});

test("the import scan finds every package emitted code imports, whatever the syntax", () => {
  const emitted = `import createClient from "openapi-fetch";\nconst jar = require("tough-cookie/lib/x");\nexport * from "@sessionkit/auth-helpers/errors";\nconst u = import("node:util"); import "./chunk-1.js"; type T = import("jwt-decode").JwtPayload;`;
  expect(undeclaredImports([emitted], "@sessionkit/koyeb", ["@sessionkit/auth-helpers"])).toEqual([
    "jwt-decode",
    "openapi-fetch",
    "tough-cookie",
  ]);
});

test("providers are discovered (the filter matched something)", () => {
  expect(providers.length).toBeGreaterThan(0);
});

describe.each(providers)("%s installed alone from its tarball", (provider) => {
  let project: string | undefined;
  let manifest: PackageManifest;
  let installed: string;
  const reports = new Map<ModuleFormat, RuntimeReport>();

  beforeAll(() => {
    const pkg = readWorkspacePackage(provider);
    manifest = pkg.manifest;
    const tarballs = workspaceClosure(pkg).map((wp) => packOnce(wp.dir));
    project = createConsumerProject(provider);
    const install = npmInstall(
      project,
      tarballs.map((t) => t.filename),
    );
    if (!install.ok)
      throw new Error(`npm install of ${tarballs.map((t) => t.name).join(" + ")} failed:\n${install.output}`);
    installed = join(project, "node_modules", ...manifest.name.split("/"));
  }, STEP_TIMEOUT);

  afterAll(() => removeTempDir(project));

  test("the tarball contains every file its exports map points at", () => {
    const tarball = packOnce(provider);
    expect(missingExportTargets(manifest.exports, tarball.files)).toEqual([]);
    expect(tarball.files.some((f) => f.startsWith("src/") || f.startsWith("test/"))).toBe(false);
  });

  test("every package it imports is a declared dependency", () => {
    const tarball = packOnce(provider);
    const emitted = tarball.files.filter((f) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f));
    expect(emitted.length).toBeGreaterThan(0);
    const sources = emitted.map((f) => readFileSync(join(installed, f), "utf8"));
    const deps = Object.keys({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
    });
    expect(undeclaredImports(sources, manifest.name, deps)).toEqual([]);
  });

  test.each<ModuleFormat>(["esm", "cjs"])(
    "%s: loads, exports a create*Client and ApiError, and its errors are instances of the exported classes",
    (format) => {
      const file = writeRuntimeCheck(project!, format, manifest.name, usageFor(provider));
      const run = runCommand(project!, process.execPath, [file]);
      if (!run.ok) throw new Error(`node ${file} failed:\n${run.output}`);
      const report = parseRuntimeReport(run.output);
      reports.set(format, report);

      expect(report.resolved.startsWith(installed + sep)).toBe(true);
      expect(report.resolved).toMatch(format === "esm" ? /\.m?js$/ : /\.c?js$/);
      expect(report.factories.length).toBeGreaterThan(0);
      expect(report.apiErrorExported).toBe(true);
      for (const probe of report.probes) {
        // toMatchObject prints the whole probe (the error's name and message) when it fails.
        expect(probe).toMatchObject({ threw: true, isExpectedClass: true, isSessionkitError: true });
        if (probe.expectsApiError) expect(probe.isApiError).toBe(true);
      }
      expect(report.probes.some((p) => p.expectsApiError && p.isApiError)).toBe(true);
      expect(report.networkCalls).toBe(0);
    },
    STEP_TIMEOUT,
  );

  test("ESM and CJS resolve to different builds of the same API", () => {
    const esm = reports.get("esm");
    const cjs = reports.get("cjs");
    expect(esm && cjs).toBeTruthy();
    expect(esm!.resolved).not.toBe(cjs!.resolved);
    expect(cjs!.factories).toEqual(esm!.factories);
  });

  test.each(["node16", "bundler"] as const)(
    "types: a strict consumer (moduleResolution %s) compiles the usage, and the misuse fails",
    (mode) => {
      const configs = writeTypeCheck(project!, usageFor(provider));
      const tsc = runCommand(project!, process.execPath, [workspaceTsc(), "-p", configs[mode]], STEP_TIMEOUT);
      // An unused @ts-expect-error is itself an error, so loose (any) types fail here too.
      expect(tsc.output.trim()).toBe("");
      expect(tsc.ok).toBe(true);
    },
    STEP_TIMEOUT,
  );
});
