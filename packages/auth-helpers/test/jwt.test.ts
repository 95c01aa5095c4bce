import fc from "fast-check";
import { AuthProtocolError } from "../src/errors";
import { looksLikeJwt, readJwtExpiry } from "../src/jwt";
import { base64url, makeJwt } from "./support/fake-fetch";

describe("readJwtExpiry", () => {
  it("returns exp in milliseconds", () => {
    expect(readJwtExpiry(makeJwt({ sub: "u1", exp: 1_900_000_000 }))).toBe(1_900_000_000_000);
    expect(readJwtExpiry(makeJwt({ exp: 1_900_000_000.5 }))).toBe(1_900_000_000_500);
  });

  it("returns undefined for a token without exp", () => {
    expect(readJwtExpiry(makeJwt({ sub: "u1" }))).toBeUndefined();
  });

  it("accepts a token with an empty signature part", () => {
    const [h, p] = makeJwt({ exp: 10 }).split(".");
    expect(readJwtExpiry(`${h}.${p}.`)).toBe(10_000);
  });

  it.each([
    ["alg none", makeJwt({ exp: 1 }, { alg: "none" })],
    ["alg NONE", makeJwt({ exp: 1 }, { alg: "NONE" })],
    ["no alg", makeJwt({ exp: 1 }, { typ: "JWT" })],
    ["exp as a string", makeJwt({ exp: "1900000000" })],
    ["negative exp", makeJwt({ exp: -1 })],
    ["exp in milliseconds", makeJwt({ exp: 1_900_000_000_000 })],
    ["payload is an array", `${base64url('{"alg":"HS256"}')}.${base64url("[1,2]")}.sig`],
    ["payload is not JSON", `${base64url('{"alg":"HS256"}')}.${base64url("secret-payload-text")}.sig`],
    ["header is not JSON", `${base64url("hdr-secret")}.${base64url('{"exp":1}')}.sig`],
    ["two parts", `${base64url('{"alg":"HS256"}')}.${base64url('{"exp":1}')}`],
    ["four parts", `${makeJwt({ exp: 1 })}.extra`],
    ["opaque token", "koyeb-opaque-token-value"],
    ["empty", ""],
  ])("refuses %s with an AuthProtocolError that does not quote the token", (_, token) => {
    let caught: unknown;
    try {
      readJwtExpiry(token);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AuthProtocolError);
    const err = caught as AuthProtocolError;
    expect(err.protocol).toBe("jwt");
    expect(err.cause).toBeUndefined();
    for (const part of token.split(".").filter((p) => p.length >= 4)) expect(err.message).not.toContain(part);
    expect(err.message).not.toContain("secret-payload-text");
    expect(err.message).not.toContain("hdr-secret");
  });

  it("refuses a non-string", () => {
    expect(() => readJwtExpiry(42 as unknown as string)).toThrow(AuthProtocolError);
  });

  it("looksLikeJwt only checks the shape", () => {
    expect(looksLikeJwt(makeJwt({}))).toBe(true);
    expect(looksLikeJwt("a.b")).toBe(false);
    expect(looksLikeJwt("opaque")).toBe(false);
  });
});

describe("readJwtExpiry on malformed input (property)", () => {
  function outcome(token: string): number | undefined | "protocol-error" {
    try {
      return readJwtExpiry(token);
    } catch (error) {
      if (error instanceof AuthProtocolError) return "protocol-error";
      throw error; // any other error type fails the property
    }
  }

  it("arbitrary strings: returns or throws AuthProtocolError, nothing else", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (token) => {
        outcome(token);
      }),
      { numRuns: 2000 },
    );
  });

  it("three base64url parts of arbitrary bytes", () => {
    const part = fc.uint8Array({ maxLength: 80 }).map((bytes) => Buffer.from(bytes).toString("base64url"));
    fc.assert(
      fc.property(part, part, part, (a, b, c) => {
        outcome(`${a}.${b}.${c}`);
      }),
      { numRuns: 2000 },
    );
  });

  it("JSON header and payload with arbitrary values: a number result is always exp * 1000", () => {
    const header = fc.oneof(
      fc.jsonValue(),
      fc.record({ alg: fc.oneof(fc.string(), fc.constantFrom("none", "HS256", "RS256")) }),
    );
    const payload = fc.oneof(
      fc.jsonValue(),
      fc.record({ exp: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null)) }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(header, payload, (h, p) => {
        const token = `${base64url(JSON.stringify(h))}.${base64url(JSON.stringify(p))}.sig`;
        const result = outcome(token);
        if (typeof result === "number") {
          const exp = (JSON.parse(JSON.stringify(p)) as { exp: number }).exp; // as sent: -0 travels as 0
          expect(result).toBe(Math.floor(exp * 1000));
          expect((h as { alg: string }).alg.toLowerCase()).not.toBe("none");
        }
      }),
      { numRuns: 2000, examples: [[{ alg: "HS256" }, { exp: -0 }]] },
    );
  });
});
