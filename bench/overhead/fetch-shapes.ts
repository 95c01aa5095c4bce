/**
 * Why a client on top of `Request` objects costs more than raw fetch: the same Koyeb login sent in the shapes a
 * Request-based pipeline goes through, one step added at a time, plus the shape that avoids the cost. Node's
 * fetch (undici) turns a Request's body into a stream; handing it a Request pipes that stream through another
 * (`new Request(input)` inside fetch), `clone()` tees it, and a copied Response streams its body again.
 */
import { specFile } from "../lib/repo";
import type { Contender, Scenario } from "./contender";
import { expectEqual } from "./contender";
import { exampleBody } from "./example-routes";

const CREDENTIALS = JSON.stringify({ email: "jane@example.com", password: "correct-horse-battery-staple" });
const TIMEOUT_MS = 60_000;

export function fetchShapesScenario(baseUrl: string): Scenario {
  const url = `${baseUrl}/v1/account/login`;
  const expected = exampleBody(specFile("koyeb"), "post", "/v1/account/login").token.id;
  const headers = { "Content-Type": "application/json", Authorization: `Bearer ${expected}` };
  const request = () => new Request(url, { method: "POST", headers, body: CREDENTIALS, redirect: "manual" });
  const json = async (response: Response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };
  /** An attempt's own AbortController and timer, as any client with timeouts has. */
  const withTimeout = async (send: (signal: AbortSignal) => Promise<Response>) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      return await send(controller.signal);
    } finally {
      clearTimeout(timer);
    }
  };
  const rebuffer = async (response: Response) =>
    new Response(await response.arrayBuffer(), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });

  const contenders: Contender[] = [
    {
      name: "A. fetch(url, init), string body (raw floor)",
      call: () => fetch(url, { method: "POST", headers, body: CREDENTIALS }).then(json),
    },
    {
      name: "B. fetch(new Request(url, init)) (what openapi-fetch hands its fetch)",
      call: () => fetch(request()).then(json),
    },
    {
      name: "C. B, then per attempt: fetch(new Request(request.clone(), { signal })) + timer",
      call: () => withTimeout((signal) => fetch(new Request(request().clone(), { signal }))).then(json),
    },
    {
      name: "D. C + request.clone() kept for a 401 replay",
      call: () => {
        const r = request();
        const replay = r.clone();
        return withTimeout((signal) => fetch(new Request(r.clone(), { signal })))
          .then(json)
          .finally(() => void replay);
      },
    },
    {
      name: "E. D + the response re-buffered into a new Response",
      call: () => {
        const r = request();
        const replay = r.clone();
        return withTimeout((signal) => fetch(new Request(r.clone(), { signal })).then(rebuffer))
          .then(json)
          .finally(() => void replay);
      },
    },
    {
      name: "F. Request built, but sent as fetch(request.url, { headers: request.headers, body: <kept string>, signal }) + timer",
      call: () => {
        const r = request();
        return withTimeout((signal) =>
          fetch(r.url, { method: r.method, headers: r.headers, body: CREDENTIALS, redirect: r.redirect, signal }),
        ).then(json);
      },
    },
  ];
  return {
    id: "fetch-shapes",
    title: "Koyeb login sent in the shapes a Request-based client goes through",
    contenders,
    check: (result) => expectEqual("login token", (result as { token?: { id?: string } }).token?.id, expected),
  };
}
