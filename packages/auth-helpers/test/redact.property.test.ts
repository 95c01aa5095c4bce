import fc from "fast-check";
import { redactBody, redactHeaders, redactText, redactUrl } from "../src/redact";

// Secrets made of characters that "[REDACTED]" does not contain, so that a hit is always a real leak.
const secret = fc.stringMatching(/^[a-z0-9]{6,16}$/).map((s) => `zq${s}`);
const secretKey = fc.constantFrom(
  "password",
  "api_key",
  "apiKey",
  "session_id",
  "access-token",
  "refresh_token",
  "token",
  "client_secret",
);
/** Makes the i-th value unique ("_" closes it, so value 1 is no substring of value 11). */
const unique = (value: string, i: number) => `${value}_${i}_`;
const plainKey = fc
  .stringMatching(/^[a-z]{1,8}$/)
  .filter((k) => !["token", "secret", "session", "proof", "jwt"].includes(k));

describe("redaction functions on malformed input (property)", () => {
  it("redactUrl never throws on arbitrary strings and returns a string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (url) => {
        expect(typeof redactUrl(url)).toBe("string");
      }),
      { numRuns: 2000 },
    );
  });

  it("redactUrl masks every secret query value, whatever surrounds it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(secretKey, plainKey), secret), { minLength: 1, maxLength: 6 }),
        fc.string({ maxLength: 20 }).map((s) => s.replace(/[?#&=]/g, "")),
        (pairs, junk) => {
          const values = pairs.map(([, v], i) => unique(v, i));
          const url = `https://api.example.test/p${junk}?${pairs.map(([k], i) => `${encodeURIComponent(k)}=${values[i]}`).join("&")}#frag`;
          const out = redactUrl(url);
          pairs.forEach(([key], i) => {
            if (secretKeyName(key)) expect(out).not.toContain(values[i]);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("redactHeaders never throws and masks credential headers", () => {
    const name = fc.oneof(
      fc.constantFrom(
        "Authorization",
        "authorization",
        "Cookie",
        "Set-Cookie",
        "X-Api-Key",
        "Api-Key",
        "X-XSRF-TOKEN",
        "Proxy-Authorization",
      ),
      fc.stringMatching(/^[A-Za-z-]{1,12}$/),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, fc.constantFrom("", "Bearer ", "Basic ", "token "), secret), { maxLength: 6 }),
        (entries) => {
          const record: Record<string, string> = {};
          entries.forEach(([n, scheme, v], i) => {
            record[n] = `${scheme}${unique(v, i)}`;
          });
          const headers = new Headers(record);
          for (const input of [record, headers]) {
            const out = JSON.stringify(redactHeaders(input));
            for (const [n, value] of Object.entries(record)) {
              if (CREDENTIAL_HEADERS.has(n.toLowerCase())) expect(out).not.toContain(value.replace(/^\w+ /, ""));
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
    expect(redactHeaders(undefined)).toEqual({});
  });

  it("redactBody never throws on arbitrary values and masks secret fields at any depth up to the limit", () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 6, withMap: true, withSet: true, withBigInt: true, withNullPrototype: true }),
        (value) => {
          redactBody(value);
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.letrec((tie) => ({
          node: fc.oneof(
            { depthSize: "small" },
            secret.map((v) => `tree-${v}`), // cannot collide with the secrets below
            fc.array(tie("node"), { maxLength: 3 }),
            fc.dictionary(fc.oneof(plainKey, secretKey), tie("node"), { maxKeys: 4 }),
          ),
        })).node,
        fc
          .dictionary(secretKey, secret, { minKeys: 1, maxKeys: 3 })
          .map((d) => Object.fromEntries(Object.entries(d).map(([k, v], i) => [k, unique(v, i)]))),
        (tree, secrets) => {
          const body = JSON.parse(JSON.stringify({ tree, ...secrets, nested: [{ deeper: secrets }] }));
          const out = JSON.stringify(redactBody(body));
          for (const value of Object.values(secrets)) expect(out).not.toContain(value);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("redactText never throws and leaves none of the secrets it was given", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.array(secret, { maxLength: 4 }),
        (noise, secrets) => {
          const text = [noise, ...secrets, noise].join(" ");
          const out = redactText(text, [...secrets, undefined, ""]);
          for (const s of secrets) expect(out).not.toContain(s);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const CREDENTIAL_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
  "x-xsrf-token",
]);

function secretKeyName(key: string): boolean {
  return ["password", "apikey", "sessionid", "accesstoken", "refreshtoken", "token", "clientsecret"].includes(
    key.toLowerCase().replace(/[-_]/g, ""),
  );
}
