/**
 * "Ready" means a real HTTP exchange on loopback succeeded, not just that listen() resolved: the table the
 * runner prints is a promise that every URL in it answers.
 */
import { request } from "node:http";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** One GET; resolves with the status (any status: Prism's 404 for an undocumented path still proves it serves). */
export function probeOnce(url: string, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = loopbackUrl(url); // a throw here rejects the promise
    // agent: false → `Connection: close`, so no kept-alive socket delays the server's close() later.
    const req = request(target, { method: "GET", agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${url} did not answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

/** Probes until `url` answers or `deadlineMs` passes; resolves with the first status. */
export async function waitUntilAnswers(url: string, deadlineMs = 10_000, intervalMs = 50): Promise<number> {
  loopbackUrl(url);
  const giveUpAt = performance.now() + deadlineMs;
  for (;;) {
    try {
      return await probeOnce(url, Math.min(1000, deadlineMs));
    } catch (err) {
      if (performance.now() + intervalMs > giveUpAt) {
        throw new Error(`${url} did not answer within ${deadlineMs} ms: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** The mocks only ever listen on loopback; anything else here is a bug, not something to wait out. */
function loopbackUrl(url: string): URL {
  const target = new URL(url);
  if (!LOOPBACK.has(target.hostname)) throw new Error(`refusing to probe ${url}: not a loopback address`);
  return target;
}
