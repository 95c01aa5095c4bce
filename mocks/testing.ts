/**
 * Contract-test helpers shared by every provider package: a fresh Prism per test file (Prism's validator cache
 * makes a server's verdicts depend on earlier requests, tooling.md §1.6), a fetch that records what crossed the
 * wire, and the documented (operation, status) pairs read from the spec itself.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

const SPECS_DIR = resolve(__dirname, "..", "specs");

/**
 * Boots the provider's mock (a child process running mocks/serve.ts) on a free loopback port for this test file;
 * `url()` is valid inside tests. TEST_API_BASE_URL points the same tests at another server instead. By default Prism
 * runs with `--errors`: a response example that contradicts its own schema then fails the test as a 500.
 */
export function useMock(
  provider: string,
  flags: { dynamic?: boolean; errors?: boolean } = { errors: true },
): { url(): string } {
  let child: ChildProcess | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    const started = await spawnMock(provider, flags);
    child = started.child;
    url = started.url;
  }, 30_000);
  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child!.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  });
  return {
    url() {
      if (!url) throw new Error("useMock: the mock is not running (call url() inside a test)");
      return process.env.TEST_API_BASE_URL ?? url;
    },
  };
}

export async function spawnMock(
  provider: string,
  flags: { dynamic?: boolean; errors?: boolean } = {},
): Promise<{ child: ChildProcess; url: string }> {
  const args = ["--import", "tsx", join(__dirname, "serve.ts"), provider];
  if (flags.dynamic) args.push("--dynamic");
  if (flags.errors) args.push("--errors");
  const child = spawn(process.execPath, args, { cwd: __dirname, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((done, fail) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const line = /^READY (.*)$/m.exec(out);
      if (line) done((JSON.parse(line[1]!) as { url: string }).url);
    });
    child.once("exit", (code) =>
      fail(new Error(`the ${provider} mock exited (${code}) before it was ready: ${stderr.trim()}`)),
    );
  });
  return { child, url };
}

export interface RecordedCall {
  method: string;
  url: string;
  status: number;
  requestHeaders: Record<string, string>;
  requestBody: string;
  responseBody: string;
  /** Prism's `sl-violations` header: set when it served a documented 4xx for an invalid request instead of 422. */
  slViolations: string | null;
}

/**
 * A fetch that records each exchange; `violations()` lists every exchange where Prism found our request invalid:
 * a 422/415, or (on operations that document a 400) a response carrying an `sl-violations` header.
 */
export function recordingFetch() {
  const calls: RecordedCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const requestBody = request.body ? await request.clone().text() : "";
    const response = await fetch(request);
    const responseBody = await response.clone().text();
    calls.push({
      method: request.method,
      url: request.url,
      status: response.status,
      requestHeaders: Object.fromEntries(request.headers.entries()),
      requestBody,
      responseBody,
      slViolations: response.headers.get("sl-violations"),
    });
    return response;
  };
  return {
    fetch: fetchImpl as typeof fetch,
    calls,
    violations: () => calls.filter((c) => c.status === 422 || c.status === 415 || c.slViolations !== null),
    reset: () => void calls.splice(0),
  };
}

export interface DocumentedResponse {
  operationId: string;
  method: string;
  path: string;
  status: number;
}

/** Every numeric response status each operation of specs/<provider>.yaml documents. */
export function documentedResponses(provider: string, specsDir = SPECS_DIR): DocumentedResponse[] {
  const spec = parse(readFileSync(join(specsDir, `${provider}.yaml`), "utf8"));
  const out: DocumentedResponse[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(spec.paths ?? {})) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!op?.operationId) continue;
      for (const status of Object.keys(op.responses ?? {})) {
        if (/^\d{3}$/.test(status)) out.push({ operationId: op.operationId, method, path, status: Number(status) });
      }
    }
  }
  return out;
}

/** The error class name the shared ApiError hierarchy uses for a status (what people branch on). */
export function expectedErrorName(status: number, override?: string): string {
  if (override) return override;
  if (status >= 500) return "InternalServerError";
  return (
    (
      {
        301: "RedirectError",
        302: "RedirectError",
        307: "RedirectError",
        308: "RedirectError",
        400: "BadRequestError",
        401: "AuthenticationError",
        402: "PaymentRequiredError",
        403: "PermissionDeniedError",
        404: "NotFoundError",
        409: "ConflictError",
        416: "RangeNotSatisfiableError",
        422: "UnprocessableEntityError",
        429: "RateLimitError",
      } as Record<number, string>
    )[status] ?? "ApiError"
  );
}
