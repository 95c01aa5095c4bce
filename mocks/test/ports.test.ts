import { readdirSync } from "node:fs";
import { join } from "node:path";
import ports from "../ports.json";
import { declaredProviders, mockPort, mockUrl } from "../ports";

test("every provider with a spec has exactly one fixed, distinct port", () => {
  const providers = declaredProviders();
  const specs = readdirSync(join(__dirname, "..", "..", "specs")).filter((f) => f.endsWith(".yaml"));
  expect(providers.sort()).toEqual(specs.map((f) => f.replace(/\.yaml$/, "")).sort());
  const used = providers.map((p) => mockPort(p, {}));
  expect(new Set(used).size).toBe(used.length);
  expect(mockPort("koyeb", {})).toBe(ports.koyeb);
});

test("SESSIONKIT_MOCK_PORT_<PROVIDER> overrides the declared port", () => {
  expect(mockPort("koyeb", { SESSIONKIT_MOCK_PORT_KOYEB: "5999" })).toBe(5999);
  expect(mockUrl("polario", { SESSIONKIT_MOCK_PORT_POLARIO: "0" })).toBe("http://127.0.0.1:0");
});

test("a bad override or an unknown provider is a clear error", () => {
  expect(() => mockPort("koyeb", { SESSIONKIT_MOCK_PORT_KOYEB: "http" })).toThrow(
    "SESSIONKIT_MOCK_PORT_KOYEB=http is not a port number",
  );
  expect(() => mockPort("nope", {})).toThrow('mocks/ports.json declares no port for "nope"');
});
