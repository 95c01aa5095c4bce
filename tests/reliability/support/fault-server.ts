/**
 * A fake vendor on 127.0.0.1 (port 0) that answers normally from a route table and misbehaves on demand:
 * `inject(route, fault)` makes the next matching request(s) fail in one of the ways a network or a server
 * does. Every request is recorded (`hits`), so tests can count attempts and read what was sent.
 */
import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  createServer,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface Hit {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
}

/** Route key: `"POST /v1/account/login"`. */
export type Route = string;
export type Handler = (hit: Hit) => Reply | Promise<Reply>;
export type Routes = Record<Route, Handler>;

/** Low-level control of one exchange; faults are built from these. */
export interface Exchange {
  hit: Hit;
  req: IncomingMessage;
  res: ServerResponse;
  socket: Socket;
  /** The normal answer, for faults that wrap it (e.g. cut it short). */
  normal(): Promise<Reply>;
  server: FaultServer;
}
export type Fault = (exchange: Exchange) => void | Promise<void>;

interface Injection {
  route: Route | "*";
  fault: Fault;
  remaining: number;
}

export interface FaultServer {
  readonly url: string;
  readonly port: number;
  readonly hits: Hit[];
  /** Hits on one route. */
  hitsTo(route: Route): Hit[];
  /** The next `times` requests to `route` (or any route, "*") get `fault` instead of the normal answer. */
  inject(route: Route | "*", fault: Fault, times?: number): void;
  /** Stops listening and drops every connection, so that new connections are refused. */
  refuse(): Promise<void>;
  /** Listens again on the same port. */
  accept(): Promise<void>;
  /** Whether the server is accepting connections (false after refuse()). */
  readonly listening: boolean;
  /** Drops faults not yet used (a fault meant for one call must not hit the next one). */
  clearFaults(): void;
  /** Forgets hits and pending faults (between tests). */
  reset(): void;
  /** Bytes written by the last endless-body fault before the client went away. */
  streamed: { bytes: number; closed: boolean };
  close(): Promise<void>;
}

export async function startFaultServer(routes: Routes): Promise<FaultServer> {
  const hits: Hit[] = [];
  const injections: Injection[] = [];
  const sockets = new Set<Socket>();
  const streamed = { bytes: 0, closed: false };
  let port = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "/";
      const hit: Hit = {
        method: req.method ?? "GET",
        path: url.split("?")[0]!,
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      hits.push(hit);
      const route = `${hit.method} ${hit.path}`;
      const normal = () => answer(routes, route, hit);
      const injection = injections.find((i) => i.remaining > 0 && (i.route === "*" || i.route === route));
      if (injection) {
        injection.remaining -= 1;
        Promise.resolve(injection.fault({ hit, req, res, socket: req.socket, normal, server: api })).catch(
          (error: Error) => send(res, { status: 599, body: { fault: error.message } }),
        );
        return;
      }
      normal().then(
        (reply) => send(res, reply),
        (error: Error) => send(res, { status: 500, body: { message: `fake vendor: ${error.message}` } }),
      );
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Keep-alive sockets would outlive refuse(); the fault server decides every connection's fate itself.
  server.keepAliveTimeout = 1_000;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  await listen();

  const api: FaultServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    hits,
    hitsTo: (route) => hits.filter((h) => `${h.method} ${h.path}` === route),
    inject(route, fault, times = 1) {
      injections.push({ route, fault, remaining: times });
    },
    async refuse() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      dropAll();
      await closed;
    },
    accept: listen,
    get listening() {
      return server.listening;
    },
    clearFaults() {
      injections.length = 0;
    },
    reset() {
      hits.length = 0;
      injections.length = 0;
      streamed.bytes = 0;
      streamed.closed = false;
    },
    streamed,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      dropAll();
      await closed;
    },
  };
  return api;
}

async function answer(routes: Routes, route: Route, hit: Hit): Promise<Reply> {
  const handler = routes[route];
  if (!handler) return { status: 404, body: { message: `fake vendor has no route ${route}` } };
  return handler(hit);
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const isText = typeof reply.body === "string";
  const body = reply.body === undefined ? "" : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const headers: Record<string, string | string[]> = { ...reply.headers };
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === "content-type");
  if (body && !hasType) headers["Content-Type"] = isText ? "text/plain" : "application/json";
  res.writeHead(reply.status, headers);
  res.end(body);
}

/** Parses a JSON request body, or `{}`. */
export function json(hit: Hit): Record<string, unknown> {
  try {
    const value = JSON.parse(hit.body) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Parses a form-urlencoded request body merged with the query string. */
export function formAndQuery(hit: Hit): Record<string, string> {
  const out: Record<string, string> = {};
  const query = hit.url.includes("?") ? hit.url.slice(hit.url.indexOf("?") + 1) : "";
  for (const [k, v] of new URLSearchParams(query)) out[k] = v;
  for (const [k, v] of new URLSearchParams(hit.body)) out[k] = v;
  return out;
}
