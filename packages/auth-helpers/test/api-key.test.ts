import http from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { apiKeys } from "../src/api-key";
import { ConfigurationError, MissingCredentialsError } from "../src/errors";
import { fakeFetch } from "./support/fake-fetch";

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Ok = { 200: { headers: Record<string, unknown>; content: { "application/json": { result: number } } } };

interface paths {
  "/Logon": {
    post: {
      parameters: { query?: { account_name?: string; note?: string }; header?: never; path?: never; cookie?: never };
      requestBody: {
        content: { "application/x-www-form-urlencoded": { account_email: string; account_password: string } };
      };
      responses: Ok;
    };
  };
  "/GetAccountInfo": {
    get: { parameters: NoParams; requestBody?: never; responses: Ok };
  };
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
// openapi-fetch picks form encoding with `headers.get instanceof Function`, which is false under jest
// (Headers comes from another realm), so the tests serialise the form body themselves.
const formBody = (body: unknown) => new URLSearchParams(body as Record<string, string>).toString();

function clientWith(strategy: ReturnType<typeof apiKeys>, fetch = fakeFetch()) {
  const client = createClient<paths>({
    baseUrl: "https://api.voximplant.test/platform_api",
    fetch: fetch.fetch,
    bodySerializer: formBody,
  });
  client.use(strategy);
  return { client, calls: fetch.calls };
}

describe("apiKeys in the query (Voximplant)", () => {
  it("appends account_name and api_key, keeping the caller's query and form body intact", async () => {
    const { client, calls } = clientWith(
      apiKeys({ provider: "voximplant", in: "query", keys: { account_name: "acme", api_key: "k+ey/=1 2" } }),
    );
    const { data } = await client.POST("/Logon", {
      params: { query: { note: "a b&c" } },
      body: { account_email: "me@example.com", account_password: "pw" },
      headers: FORM,
    });
    expect(data).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe("/platform_api/Logon");
    expect(url.searchParams.get("note")).toBe("a b&c");
    expect(url.searchParams.get("account_name")).toBe("acme");
    expect(url.searchParams.get("api_key")).toBe("k+ey/=1 2");
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(new URLSearchParams(calls[0]!.body).get("account_email")).toBe("me@example.com");
  });

  it("sends session_id alone when that is the credential", async () => {
    const { client, calls } = clientWith(
      apiKeys({ provider: "voximplant", in: "query", keys: { session_id: async () => "sess-9" } }),
    );
    await client.GET("/GetAccountInfo");
    expect(new URL(calls[0]!.url).search).toBe("?session_id=sess-9");
  });

  it("does not override a key the caller set explicitly, and does not read its source", async () => {
    const accountSource = jest.fn(() => "from-strategy");
    const { client, calls } = clientWith(
      apiKeys({ provider: "voximplant", in: "query", keys: { account_name: accountSource, api_key: "k" } }),
    );
    await client.POST("/Logon", {
      params: { query: { account_name: "explicit" } },
      body: { account_email: "e", account_password: "p" },
      headers: FORM,
    });
    const url = new URL(calls[0]!.url);
    expect(url.searchParams.getAll("account_name")).toEqual(["explicit"]);
    expect(url.searchParams.get("api_key")).toBe("k");
    expect(accountSource).not.toHaveBeenCalled();
  });

  it("reports every missing key in one MissingCredentialsError before any fetch", async () => {
    const { client, calls } = clientWith(
      apiKeys({
        provider: "voximplant",
        in: "query",
        keys: { account_name: () => undefined, api_key: "", other: "x" },
      }),
    );
    const err = await client.GET("/GetAccountInfo").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingCredentialsError);
    expect(err).toMatchObject({ provider: "voximplant", missing: ["account_name", "api_key"] });
    expect(calls).toHaveLength(0);
  });

  it("keeps custom init keys openapi-fetch copies onto the Request (for a custom fetch to read)", async () => {
    const { client, calls } = clientWith(apiKeys({ provider: "voximplant", in: "query", keys: { session_id: "s" } }));
    await client.GET("/GetAccountInfo", { retryLabel: "label-1" } as never);
    expect((calls[0]!.request as unknown as { retryLabel?: string }).retryLabel).toBe("label-1");
  });

  it("refuses a key with CR/LF in it without echoing the key", async () => {
    const { client, calls } = clientWith(
      apiKeys({ provider: "voximplant", in: "query", keys: { api_key: "sec\r\nret-value" } }),
    );
    const err = (await client.GET("/GetAccountInfo").catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain('"api_key"');
    expect(err.message).not.toContain("ret-value");
    expect(calls).toHaveLength(0);
  });
});

describe("apiKeys in a header or a cookie", () => {
  it("sets headers, leaving one the caller set alone", async () => {
    const { client, calls } = clientWith(
      apiKeys({ provider: "p", in: "header", keys: { "X-Api-Key": "k1", "X-Account": "acc" } }),
    );
    await client.GET("/GetAccountInfo", { headers: { "x-account": "mine" } });
    expect(calls[0]!.headers.get("x-api-key")).toBe("k1");
    expect(calls[0]!.headers.get("x-account")).toBe("mine");
  });

  it("adds cookies after the caller's, percent-encoding values that are not cookie-octets", async () => {
    const { client, calls } = clientWith(
      apiKeys({ provider: "p", in: "cookie", keys: { session: "a;b c", plain: "x+y/=" } }),
    );
    await client.GET("/GetAccountInfo", { headers: { Cookie: "theme=dark" } });
    expect(calls[0]!.headers.get("cookie")).toBe("theme=dark; session=a%3Bb%20c; plain=x+y/=");

    const again = clientWith(apiKeys({ provider: "p", in: "cookie", keys: { session: "s1" } }));
    await again.client.GET("/GetAccountInfo", { headers: { Cookie: "session=explicit" } });
    expect(again.calls[0]!.headers.get("cookie")).toBe("session=explicit");
  });

  it("rejects bad placements and names when it is created", () => {
    expect(() => apiKeys({ provider: "p", in: "body" as never, keys: { a: "b" } })).toThrow(ConfigurationError);
    expect(() => apiKeys({ provider: "p", in: "header", keys: {} })).toThrow(ConfigurationError);
    expect(() => apiKeys({ provider: "p", in: "header", keys: { "bad name": "v" } })).toThrow(ConfigurationError);
    expect(() => apiKeys({ provider: "p", in: "query", keys: { "": "v" } })).toThrow(ConfigurationError);
  });
});

describe("apiKeys query placement on the wire (loopback server)", () => {
  let server: http.Server;
  let baseUrl: string;
  const received: { headers: http.IncomingHttpHeaders; body: string; url: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        received.push({ headers: req.headers, body, url: req.url ?? "" });
        res.writeHead(200, { "content-type": "application/json" }).end('{"result":1}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("keeps Content-Length (no chunked body) when it rebuilds the request", async () => {
    const client = createClient<paths>({ baseUrl, bodySerializer: formBody });
    client.use(apiKeys({ provider: "voximplant", in: "query", keys: { account_name: "acme", api_key: "key" } }));
    await client.POST("/Logon", { body: { account_email: "me@example.com", account_password: "pw" }, headers: FORM });

    const sent = received.at(-1)!;
    expect(sent.url).toBe("/Logon?account_name=acme&api_key=key");
    expect(sent.body).toBe("account_email=me%40example.com&account_password=pw");
    expect(sent.headers["content-length"]).toBe(String(sent.body.length));
    expect(sent.headers["transfer-encoding"]).toBeUndefined();
  });

  it("(control) the naive new Request(url, request) would have sent a chunked body", async () => {
    const client = createClient<paths>({ baseUrl, bodySerializer: formBody });
    client.use({
      onRequest: ({ request }) => new Request(`${request.url}?x=1`, request),
    });
    await client.POST("/Logon", { body: { account_email: "a@b.c", account_password: "pw" }, headers: FORM });
    const sent = received.at(-1)!;
    expect(sent.headers["transfer-encoding"]).toBe("chunked");
    expect(sent.headers["content-length"]).toBeUndefined();
  });
});
