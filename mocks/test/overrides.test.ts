import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { specWithOverrides } from "../overrides";

const dir = mkdtempSync(join(tmpdir(), "sk-overrides-"));
const spec = join(dir, "demo.yaml");
writeFileSync(
  spec,
  [
    "openapi: 3.0.3",
    "info: { title: demo, version: '1' }",
    "paths:",
    "  /a:",
    "    get:",
    "      responses:",
    "        '200': { description: ok, content: { application/json: { example: { a: 1, b: [1, 2] } } } }",
  ].join("\n"),
);

test("without an override file the spec is served as it is", () => {
  const merged = specWithOverrides(spec, "demo", join(dir, "none")) as any;
  expect(merged.paths["/a"].get.responses["200"].content["application/json"].example).toEqual({ a: 1, b: [1, 2] });
});

test("an override deep-merges objects and replaces scalars and arrays", () => {
  const overrides = join(dir, "overrides");
  require("node:fs").mkdirSync(overrides);
  writeFileSync(
    join(overrides, "demo.yaml"),
    "paths: { /a: { get: { responses: { '200': { content: { application/json: { example: { b: [9] } } } } } } } }",
  );
  const merged = specWithOverrides(spec, "demo", overrides) as any;
  expect(merged.info).toEqual({ title: "demo", version: "1" });
  expect(merged.paths["/a"].get.responses["200"].description).toBe("ok");
  expect(merged.paths["/a"].get.responses["200"].content["application/json"].example).toEqual({ a: 1, b: [9] });
});
