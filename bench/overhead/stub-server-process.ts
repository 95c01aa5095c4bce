/** Starts overhead/stub-server.ts in its own process (so its CPU time is not the client's) and stops it. */
import { fork } from "node:child_process";
import { join } from "node:path";
import { TSX_LOADER } from "../lib/repo";

export interface StubServer {
  /** `http://127.0.0.1:<port>/<mount>` */
  url(mount: string): string;
  close(): void;
}

export function startStubServer(mounts: Record<string, string>): Promise<StubServer> {
  const args = Object.entries(mounts).map(([mount, file]) => `${mount}=${file}`);
  const child = fork(join(__dirname, "stub-server.ts"), args, {
    execArgv: ["--import", TSX_LOADER],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error("the stub server did not start within 15 s"));
    }, 15_000);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the stub server exited with ${code} before listening`)));
    child.once("message", (message: { port: number }) => {
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        url: (mount) => `http://127.0.0.1:${message.port}/${mount}`,
        close: () => {
          child.disconnect();
          child.kill();
        },
      });
    });
  });
}
