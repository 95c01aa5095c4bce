import { execFileSync } from "node:child_process";
import { join } from "node:path";
import saslprep from "@mongodb-js/saslprep";
import { loadSaslprep } from "../src/sasl-prep";

test("SASLprep is the maintained library, loaded once on first use", async () => {
  const first = await loadSaslprep();
  expect(first).toBe(saslprep);
  expect(await loadSaslprep()).toBe(first);
  expect(first("I\u00ADX")).toBe("IX"); // RFC 4013 §3 example: soft hyphen mapped to nothing
  expect(() => first("\u0007")).toThrow(); // RFC 4013 §3 example: a control character is prohibited
});

test("requiring the built package loads neither the SASLprep tables nor the cookie jar", () => {
  const dist = join(__dirname, "..", "dist", "index.cjs");
  const script = `require(${JSON.stringify(dist)}); console.log(Object.keys(require.cache).filter((k) => /saslprep|tough-cookie|tldts/.test(k)).length)`;
  expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()).toBe("0");
});
