/** The misbehaviours the fault server can act out, one builder each. */
import type { Socket } from "node:net";
import { type Fault, type Reply, send } from "./fault-server";

/** Any canned answer: an error status, a bad body, a redirect. */
export const replyWith =
  (reply: Reply): Fault =>
  ({ res }) =>
    send(res, reply);

/** RST before a single byte of the response: the request may or may not have been processed. */
export const resetBeforeResponse =
  (): Fault =>
  ({ socket }) =>
    rst(socket);

/** Status line, headers and half the body of the normal answer, then RST. */
export const resetMidBody =
  (): Fault =>
  async ({ res, socket, normal }) => {
    const body = JSON.stringify((await normal()).body ?? { padding: "x".repeat(64) });
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) });
    res.write(body.slice(0, Math.floor(body.length / 2)));
    // Let the client read the headers first, so that the reset lands while it reads the body.
    setTimeout(() => rst(socket), 30);
  };

/** Reads the request and never answers. */
export const hang = (): Fault => () => undefined;

/** Headers and the start of a body, then silence: only a timeout that covers the body ends this. */
export const stallBody =
  (): Fault =>
  ({ res }) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "4096" });
    res.write('{"token":');
  };

/** A 200 whose body never ends (chunked), written as fast as the client reads it. */
export const endlessBody =
  (): Fault =>
  ({ res, server }) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    const chunk = Buffer.from(`"${"x".repeat(64 * 1024 - 3)}",`);
    res.write("[");
    const pump = () => {
      while (!res.destroyed && server.streamed.bytes < 512 * 1024 * 1024) {
        server.streamed.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
    };
    res.on("close", () => {
      server.streamed.closed = true;
    });
    pump();
  };

/** 307 to a sibling path and back again, forever (the fault is injected on every route). */
export const redirectLoop =
  (): Fault =>
  ({ res, hit }) => {
    const away = hit.path.startsWith("/moved") ? hit.path.slice("/moved".length) : `/moved${hit.path}`;
    send(res, { status: 307, headers: { Location: away } });
  };

export const malformedJson = (): Fault =>
  replyWith({ status: 200, headers: { "Content-Type": "application/json" }, body: '{"token": {"id": "kyb_trunc' });

export const htmlPage = (): Fault =>
  replyWith({
    status: 200,
    headers: { "Content-Type": "text/html; charset=utf-8" },
    body: "<!doctype html><html><head><title>Sign in to the Wi-Fi</title></head><body>portal</body></html>",
  });

function rst(socket: Socket): void {
  // resetAndDestroy sends a TCP RST (Node >= 16.17); destroy() alone would be an orderly FIN.
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * A server that reflects the request back (a debug page, "invalid token <value>"): every header, the query and
 * the body, in the style asked for. The client must mask whatever credentials it sent wherever it repeats the
 * answer (error message, body, headers, logs).
 */
export type EchoStyle =
  | "json-400"
  | "json-401"
  | "json-500"
  | "text-403"
  | "html-502"
  | "headers-401"
  | "redirect"
  | "malformed-200"
  | "error-in-200";

export const echo =
  (style: EchoStyle): Fault =>
  ({ res, hit }) => {
    const headerLines = Object.entries(hit.headers).map(([name, value]) => `${name}: ${String(value)}`);
    const dump = [`${hit.method} ${hit.url}`, ...headerLines, hit.body].join("\n");
    const values = Object.values(hit.headers).map(String);
    const reflectedHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(hit.headers)) reflectedHeaders[`X-Echo-${name}`] = String(value);
    switch (style) {
      case "json-400":
      case "json-401":
      case "json-500":
        return send(res, {
          status: Number(style.slice(-3)),
          body: {
            message: `rejected: ${dump}`,
            detail: dump,
            echo: { url: hit.url, headers: hit.headers, body: hit.body },
          },
        });
      case "text-403":
        // Short enough to become the error message's detail.
        return send(res, {
          status: 403,
          headers: { "Content-Type": "text/plain" },
          body: `denied ${hit.body.slice(0, 120)} ${values.join(" ")}`.slice(0, 290),
        });
      case "html-502":
        return send(res, {
          status: 502,
          headers: { "Content-Type": "text/html" },
          body: `<html><body><h1>Bad gateway</h1><pre>${dump}</pre></body></html>`,
        });
      case "headers-401":
        return send(res, {
          status: 401,
          headers: {
            ...reflectedHeaders,
            "WWW-Authenticate": `Bearer error="invalid_token", error_description="${(hit.headers.authorization ?? hit.headers.cookie ?? "").toString().replace(/"/g, "")}"`,
          },
          body: { message: "unauthorized" },
        });
      case "redirect": {
        const query = new URLSearchParams({ token: values.join(" "), body: hit.body, original: hit.url });
        return send(res, { status: 307, headers: { Location: `${hit.path}?${query}`, ...reflectedHeaders } });
      }
      case "malformed-200":
        return send(res, {
          status: 200,
          headers: { "Content-Type": "application/json" },
          body: `{"echo": ${JSON.stringify(dump)}, `,
        });
      case "error-in-200":
        return send(res, {
          status: 200,
          body: { error: { code: 100, msg: `Authorization failed for ${hit.url} ${values.join(" ")} ${hit.body}` } },
        });
    }
  };
