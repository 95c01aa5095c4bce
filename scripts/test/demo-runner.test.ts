/**
 * The demo runner's failure path, in process, against a loopback server that misbehaves on purpose (the happy
 * path against the real mock is demo-main.test.ts).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { koyebDemo } from "../lib/demo-koyeb";
import { runDemo, summaryTable } from "../lib/demo-runner";
import { verdict } from "../lib/demo-cli";
import { createProgress } from "../lib/mock-progress";

const TOKEN = "kyb_secret_token_value";
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let url: string;
let handler: Handler;
const requests: { method: string; path: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ method: req.method!, path: req.url!, authorization: req.headers.authorization });
    req.resume();
    req.on("end", () => handler(req, res));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((done) => server.close(done));
});
beforeEach(() => void requests.splice(0));

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function capture() {
  let text = "";
  return { stream: { isTTY: false, write: (c: string) => (text += c) }, text: () => text };
}

test("a failing step gets a FAIL line and a failure line naming provider and step; later steps don't run", async () => {
  handler = (req, res) =>
    req.url === "/v1/account/login"
      ? json(res, 200, { token: { id: TOKEN, expires_at: "2030-01-01T00:00:00Z" } })
      : json(res, 500, { status: 500, code: "internal", message: "boom" });
  const out = capture();
  const failures = capture();

  const result = await runDemo(koyebDemo, url, createProgress(out.stream, { CI: "true" }), {
    failures: failures.stream,
  });

  expect(result).toMatchObject({ provider: "koyeb", status: "failed", totalSteps: 4 });
  expect(result.status === "failed" && result.steps.map((s) => [s.step, s.ok])).toEqual([
    ["login", true],
    ["newSession", false],
  ]);
  expect(out.text()).toMatch(/^ok {3}koyeb {2}login +token received, expires 2030-01-01T00:00:00Z \(\d+ ms\)$/m);
  expect(out.text()).toMatch(/^FAIL koyeb {2}newSession +InternalServerError: .*500.* \(\d+ ms\)$/m);
  expect(failures.text()).toMatch(/^✘ koyeb failed at step "newSession": InternalServerError: /);
  // newSession was sent with the login token (the "authenticated" part), and nothing ran after the failure.
  expect(requests.find((r) => r.path === "/v1/account/session")?.authorization).toBe(`Bearer ${TOKEN}`);
  expect(requests.map((r) => r.path)).not.toContain("/v1/account/logout");
  expect(out.text() + failures.text()).not.toContain(TOKEN);

  expect(verdict([result, { provider: "polario", status: "no-demo" }])).toBe(
    "demo FAILED: koyeb at newSession; no demo yet: polario",
  );
  const table = summaryTable([result, { provider: "polario", status: "no-demo" }]);
  expect(table).toMatch(/^ {2}koyeb +FAILED at newSession \(1\/4 steps ok\) +\d+ ms$/m);
  expect(table).toMatch(/^ {2}polario +no demo yet \(mock served\) +-$/m);
});

test("a login reply without a token fails the login step, and nothing runs after it", async () => {
  handler = (_req, res) => json(res, 200, {});
  const out = capture();
  const failures = capture();

  const result = await runDemo(koyebDemo, url, createProgress(out.stream, { CI: "true" }), {
    failures: failures.stream,
  });

  expect(result.status).toBe("failed");
  expect(failures.text()).toMatch(/^✘ koyeb failed at step "login": \w+Error: .*token/);
  expect(requests.map((r) => r.path)).toEqual(["/v1/account/login"]);
});

test("a step that hangs is reported as failed after the step timeout", async () => {
  let hungRequestClosed!: Promise<void>;
  handler = (_req, res) => {
    hungRequestClosed = new Promise((done) => res.once("close", () => done())); // never answers
  };
  const failures = capture();
  const result = await runDemo(koyebDemo, url, createProgress(capture().stream, { CI: "true" }), {
    failures: failures.stream,
    stepTimeoutMs: 200,
  });
  expect(result.status).toBe("failed");
  expect(failures.text()).toContain('koyeb failed at step "login": Error: login did not finish within 200 ms');
  // The timeout aborted the client's request (the server sees it go away) instead of leaving it pending.
  await expect(hungRequestClosed).resolves.toBeUndefined();
});
