/**
 * `pnpm mock` as a developer runs it: a child process, booted on ports this test picked (never the fixed ones,
 * so a developer's running mocks don't collide), stopped with the signals Ctrl-C and `kill` send.
 */
import { declaredProviders } from "@sessionkit/mocks/ports";
import { freePorts, occupy, portIsFree, runScript, tableRows } from "./mock-child";

const READY = /Ctrl-C stops them all/;
jest.setTimeout(30_000);

async function answers(url: string): Promise<number> {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status;
}

test("boots every declared provider, prints provider → URL with the boot time once each answers, stops on SIGTERM", async () => {
  const providers = declaredProviders();
  const ports = await freePorts(providers.length);
  // All through SESSIONKIT_MOCK_PORT_<PROVIDER>, the env route mocks/ports.ts reads.
  const env = Object.fromEntries(
    providers.map((p, i) => [`SESSIONKIT_MOCK_PORT_${p.toUpperCase()}`, String(ports[i])]),
  );
  const runner = runScript("mock.ts", [], env);

  const stdout = await runner.waitForOutput(READY);
  const rows = tableRows(stdout);
  expect(rows).toEqual(Object.fromEntries(providers.map((p, i) => [p, `http://127.0.0.1:${ports[i]}`])));
  expect(stdout).toMatch(new RegExp(`${providers.length} mocks answering, ready \\d+(\\.\\d+)? m?s after start`));
  for (const url of Object.values(rows)) expect(await answers(url)).toBeGreaterThanOrEqual(200);
  // CI=true: plain lines only.
  expect(stdout).not.toMatch(/\x1b\[/);

  runner.child.kill("SIGTERM");
  expect(await runner.exited).toEqual({ code: 0, signal: null });
  for (const port of ports) expect(await portIsFree(port)).toBe(true);
});

test("boots only the named providers on --port overrides and stops on SIGINT (Ctrl-C)", async () => {
  const [koyebPort, cloudendurePort] = await freePorts(2);
  const runner = runScript("mock.ts", [
    "koyeb",
    "cloudendure",
    "--port",
    `koyeb=${koyebPort}`,
    "--port",
    `cloudendure=${cloudendurePort}`,
  ]);

  const rows = tableRows(await runner.waitForOutput(READY));
  expect(rows).toEqual({ koyeb: `http://127.0.0.1:${koyebPort}`, cloudendure: `http://127.0.0.1:${cloudendurePort}` });
  // The koyeb mock serves the spec's login example: a real Prism behind the URL, not just an open port.
  const login = await fetch(`${rows.koyeb}/v1/account/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "jane@example.com", password: "pw" }),
  });
  expect(login.status).toBe(200);
  expect(((await login.json()) as { token: { id: string } }).token.id).toMatch(/^kyb_/);

  runner.child.kill("SIGINT");
  expect(await runner.exited).toEqual({ code: 0, signal: null });
  expect(await portIsFree(koyebPort!)).toBe(true);
  expect(await portIsFree(cloudendurePort!)).toBe(true);
});

test("a busy port is reported by provider with the way out, exit 1, no stack trace", async () => {
  const [koyebPort, busyPort] = await freePorts(2);
  const squatter = await occupy(busyPort!);
  try {
    const runner = runScript("mock.ts", ["koyeb", "cloudendure", "--port", `koyeb=${koyebPort}`], {
      SESSIONKIT_MOCK_PORT_CLOUDENDURE: String(busyPort),
    });
    const { code } = await runner.exited;
    expect(code).toBe(1);
    const stderr = runner.stderr();
    expect(stderr).toContain(`port ${busyPort} for the cloudendure mock is already in use`);
    expect(stderr).toContain("SESSIONKIT_MOCK_PORT_CLOUDENDURE=<port>");
    expect(stderr).toContain("pnpm mock --port cloudendure=<port>");
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(runner.stdout()).not.toMatch(READY);
    // koyeb had started before cloudendure failed; it must not be left holding its port.
    expect(await portIsFree(koyebPort!)).toBe(true);
  } finally {
    squatter.close();
  }
});

test("a bad command line exits 2 with the reason; --help exits 0", async () => {
  const unknown = runScript("mock.ts", ["koyeb", "nosuch"]);
  expect((await unknown.exited).code).toBe(2);
  expect(unknown.stderr()).toContain("unknown provider(s): nosuch");

  const badPort = runScript("mock.ts", ["--port", "koyeb"]);
  expect((await badPort.exited).code).toBe(2);
  expect(badPort.stderr()).toContain("expected <provider>=<port>");

  const help = runScript("mock.ts", ["--help"]);
  expect((await help.exited).code).toBe(0);
  expect(help.stdout()).toContain("--port <provider>=<port>");
  expect(help.stdout()).toContain("SESSIONKIT_MOCK_PORT_<PROVIDER>");
});
