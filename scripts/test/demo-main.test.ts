/**
 * `pnpm main`'s demo part (scripts/main.ts, without the build step) for koyeb against its mock, as a child
 * process on a port this test picked.
 */
import { freePorts, portIsFree, runScript, tableRows } from "./mock-child";

jest.setTimeout(30_000);

test("runs koyeb's login → newSession → refreshToken → logout, one line per step, then stops the mock", async () => {
  const [port] = await freePorts(1);
  const main = runScript("main.ts", ["koyeb", "--port", `koyeb=${port}`]);
  const { code } = await main.exited;
  const stdout = main.stdout();
  expect({ code, stderr: main.stderr() }).toEqual({ code: 0, stderr: "" });

  const stepLines = stdout.split("\n").filter((l) => /^(ok|FAIL) +koyeb {2}/.test(l));
  expect(stepLines.map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
    ["ok", "koyeb", "login"],
    ["ok", "koyeb", "newSession"],
    ["ok", "koyeb", "refreshToken"],
    ["ok", "koyeb", "logout"],
  ]);
  for (const line of stepLines) expect(line).toMatch(/\(\d+ ms\)$/);
  expect(stepLines[0]).toContain("token received, expires 2030-01-01T00:00:00Z");
  expect(stepLines[1]).toContain("authenticated with the login token");
  expect(stepLines[3]).toContain("the client holds no token");
  // The summary, and that the mock is gone afterwards.
  expect(stdout).toMatch(/^ {2}koyeb +passed, 4\/4 steps +\d+ ms$/m);
  expect(stdout).toContain("demo passed: koyeb");
  expect(stdout).toContain("Mocks stopped");
  expect(await portIsFree(port!)).toBe(true);
  // Tokens and the password stay out of the output.
  expect(stdout).not.toMatch(/kyb_|correct-horse/);
});

test("every provider's demo passes against its own mock, through its published package", async () => {
  const { DEMOS } = require("../lib/demo-registry") as typeof import("../lib/demo-registry");
  const providers = DEMOS.map((d) => d.provider);
  const ports = await freePorts(providers.length);
  const main = runScript(
    "main.ts",
    providers.flatMap((p, i) => ["--port", `${p}=${ports[i]}`]),
  );
  const { code } = await main.exited;
  const stdout = main.stdout();
  expect({ code, stderr: main.stderr() }).toEqual({ code: 0, stderr: "" });

  const signal = new AbortController().signal;
  for (const demo of DEMOS) {
    const expected = demo.steps({ baseUrl: "http://127.0.0.1:1", signal }).map((s) => s.name);
    const lines = stdout.split("\n").filter((l) => new RegExp(`^(ok|FAIL) +${demo.provider} `).test(l));
    expect(lines.map((l) => l.split(/\s+/).slice(0, 3))).toEqual(expected.map((step) => ["ok", demo.provider, step]));
    expect(stdout).toMatch(
      new RegExp(`^ {2}${demo.provider} +passed, ${expected.length}/${expected.length} steps +\\d+ ms$`, "m"),
    );
  }
  expect(stdout).toContain(`demo passed: ${providers.join(", ")}`);
  for (const port of ports) expect(await portIsFree(port)).toBe(true);
});

test("--serve keeps the mocks up after the demo until Ctrl-C, then exits 0 leaving the ports free", async () => {
  const [koyebPort, polarioPort] = await freePorts(2);
  const main = runScript("main.ts", [
    "koyeb",
    "polario",
    "--serve",
    "--port",
    `koyeb=${koyebPort}`,
    "--port",
    `polario=${polarioPort}`,
  ]);
  const stdout = await main.waitForOutput(/The mocks keep serving \(--serve\)\. Ctrl-C stops them\./);
  expect(stdout).toContain("demo passed: koyeb, polario");
  const rows = tableRows(stdout.slice(stdout.indexOf("demo passed")));
  expect(rows).toEqual({ koyeb: `http://127.0.0.1:${koyebPort}`, polario: `http://127.0.0.1:${polarioPort}` });
  const res = await fetch(`${rows.koyeb}/v1/account/session`, {
    method: "POST",
    headers: { authorization: "Bearer t" },
  });
  expect(res.status).toBe(200);

  main.child.kill("SIGINT");
  expect(await main.exited).toEqual({ code: 0, signal: null });
  expect(await portIsFree(koyebPort!)).toBe(true);
  expect(await portIsFree(polarioPort!)).toBe(true);
});

test("main's command line: --serve, providers and ports as for `pnpm mock`, usage errors", () => {
  const { parseMainArgs } = require("../lib/demo-cli") as typeof import("../lib/demo-cli");
  expect(parseMainArgs(["koyeb", "--serve", "--port", "koyeb=4110"], {})).toEqual({
    help: false,
    serve: true,
    providers: ["koyeb"],
    ports: { koyeb: 4110 },
  });
  expect(parseMainArgs([], { SESSIONKIT_MOCK_PORT_POLARIO: "5013" })).toMatchObject({
    serve: false,
    ports: { koyeb: 4010, polario: 5013 },
  });
  expect(() => parseMainArgs(["--dynamic"], {})).toThrow(/Unknown option '--dynamic'/);
});
