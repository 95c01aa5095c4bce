/**
 * A child process serving the specs' 200 examples on 127.0.0.1 as fast as node:http can, so that a contender's
 * time is its own client-side cost plus a constant loopback round trip. Argv: `<mount>=<spec file>` pairs; the
 * operations of each spec are served under `/<mount>`. Reports `{ port }` over IPC; exits when the parent goes.
 */
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import { type Route, routesFromSpec } from "./example-routes";

const routes = new Map<string, Route>();
for (const arg of process.argv.slice(2)) {
  const [mount, file] = arg.split("=", 2) as [string, string];
  for (const route of routesFromSpec(file)) routes.set(`${route.method} /${mount}${route.path}`, route);
}

function send(res: ServerResponse, status: number, body: Buffer): void {
  res.writeHead(status, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
}

/** Why the request is not what the spec asks for, as [status, message]; undefined when it is. */
function problem(
  req: IncomingMessage,
  route: Route,
  url: string,
  q: number,
  bodyBytes: number,
): [number, string] | undefined {
  const type = req.headers["content-type"]?.split(";")[0]?.trim();
  if (route.bodyRequired && bodyBytes === 0) return [400, "the request body is required"];
  if (type !== undefined && route.mediaTypes.length > 0 && !route.mediaTypes.includes(type)) {
    return [415, `Content-Type ${type} is not one of ${route.mediaTypes.join(", ")}`];
  }
  if (route.security.length === 0) return undefined;
  const query = q < 0 ? new URLSearchParams() : new URLSearchParams(url.slice(q + 1));
  const cookies = req.headers.cookie ?? "";
  const has = (c: { in: string; name: string }) =>
    c.in === "header"
      ? Boolean(req.headers[c.name.toLowerCase()])
      : c.in === "query"
        ? Boolean(query.get(c.name))
        : cookies.includes(`${c.name}=`);
  return route.security.some((alternative) => alternative.every(has)) ? undefined : [401, "credentials missing"];
}

function respond(req: IncomingMessage, res: ServerResponse, bodyBytes: number): void {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const route = routes.get(`${req.method} ${q < 0 ? url : url.slice(0, q)}`);
  const failure = route ? problem(req, route, url, q, bodyBytes) : [404, `no route for ${req.method} ${url}`];
  if (failure) send(res, failure[0] as number, Buffer.from(JSON.stringify({ message: failure[1] })));
  else send(res, 200, route!.body);
}

const server = createServer((req, res) => {
  let bytes = 0;
  req.on("data", (chunk: Buffer) => (bytes += chunk.length));
  req.on("end", () => respond(req, res, bytes));
});
// Long keep-alive: a pause between rounds must not cost a reconnect to whichever contender runs next.
server.keepAliveTimeout = 120_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("disconnect", () => process.exit(0));
