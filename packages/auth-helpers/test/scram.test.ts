import fc from "fast-check";
import { AuthProtocolError, MissingCredentialsError } from "../src/errors";
import { createScramClient, escapeUsername, type ScramClientOptions } from "../src/scram";

// RFC 5802 §5 (tooling.md §5.1)
const SHA1 = {
  nonce: "fyko+d2lbbFgONRv9qkxdawL",
  clientFirst: "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
  serverFirst: "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
  clientFinal: "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
  serverFinal: "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=",
};
// RFC 7677 §3 (tooling.md §5.2)
const SHA256 = {
  nonce: "rOprNGfwEbeRWgbNEkqO",
  clientFirst: "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
  serverFirst: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
  clientFinal:
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
  serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
};

const sha256Client = (extra: Partial<ScramClientOptions> = {}) =>
  createScramClient({ username: "user", password: "pencil", hash: "SHA-256", nonce: SHA256.nonce, ...extra });

async function expectScramError(run: () => unknown, pattern?: RegExp): Promise<AuthProtocolError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AuthProtocolError);
  expect((caught as AuthProtocolError).protocol).toBe("scram");
  if (pattern) expect((caught as Error).message).toMatch(pattern);
  return caught as AuthProtocolError;
}

describe("SCRAM: RFC example exchanges, byte for byte", () => {
  it("RFC 5802 §5 SCRAM-SHA-1", async () => {
    const client = createScramClient({ username: "user", password: "pencil", hash: "SHA-1", nonce: SHA1.nonce });
    expect(client.mechanism).toBe("SCRAM-SHA-1");
    expect(await client.clientFirst()).toBe(SHA1.clientFirst);
    expect(await client.clientFinal(SHA1.serverFirst)).toBe(SHA1.clientFinal);
    await expect(client.verifyServerFinal(SHA1.serverFinal)).resolves.toBeUndefined();
  });

  it("RFC 7677 §3 SCRAM-SHA-256", async () => {
    const client = sha256Client();
    expect(client.mechanism).toBe("SCRAM-SHA-256");
    expect(await client.clientFirst()).toBe(SHA256.clientFirst);
    expect(await client.clientFinal(SHA256.serverFirst)).toBe(SHA256.clientFinal);
    await expect(client.verifyServerFinal(SHA256.serverFinal)).resolves.toBeUndefined();
  });

  it("SASLprep maps the password first: a soft hyphen and a non-ASCII space change nothing / become a space", async () => {
    const mapped = sha256Client({ password: "pen\u00ADcil" }); // U+00AD is mapped to nothing (RFC 3454 B.1)
    await mapped.clientFirst();
    expect(await mapped.clientFinal(SHA256.serverFirst)).toBe(SHA256.clientFinal);

    const nbsp = sha256Client({ password: "pen\u00A0cil" });
    const space = sha256Client({ password: "pen cil" });
    await nbsp.clientFirst();
    await space.clientFirst();
    expect(await nbsp.clientFinal(SHA256.serverFirst)).toBe(await space.clientFinal(SHA256.serverFirst));
  });

  it("a server extension after i= is ignored, and v= may carry extensions", async () => {
    const client = sha256Client();
    await client.clientFirst();
    await client.clientFinal(`${SHA256.serverFirst},x=ext`);
    // the proof changes (the extension is part of AuthMessage), so only check the server-final path shape
    await expectScramError(() => client.verifyServerFinal(`${SHA256.serverFinal},y=1`), /signature does not match/);
  });
});

describe("SCRAM: client-first-message", () => {
  it("escapes = and , in the user name", async () => {
    expect(escapeUsername("a=b,c")).toBe("a=3Db=2Cc");
    const client = createScramClient({ username: "us=er,x", password: "p", hash: "SHA-256", nonce: "abc" });
    expect(await client.clientFirst()).toBe("n,,n=us=3Der=2Cx,r=abc");
  });

  it("generates a random base64 nonce when none is injected", async () => {
    const a = await createScramClient({ username: "u", password: "p", hash: "SHA-256" }).clientFirst();
    const b = await createScramClient({ username: "u", password: "p", hash: "SHA-256" }).clientFirst();
    expect(a).toMatch(/^n,,n=u,r=[A-Za-z0-9+/]{24}$/);
    expect(a).not.toBe(b);
  });

  it("refuses missing credentials, bad nonces, prohibited characters and unknown hashes", async () => {
    expect(() => createScramClient({ username: "", password: "", hash: "SHA-256" })).toThrow(MissingCredentialsError);
    await expectScramError(
      () => createScramClient({ username: "u", password: "p", hash: "SHA-256", nonce: "a,b" }),
      /nonce/,
    );
    await expectScramError(
      () => createScramClient({ username: "u", password: "p", hash: "SHA-256", nonce: "" }),
      /nonce/,
    );
    await expectScramError(
      () => createScramClient({ username: "u", password: "bell\u0007", hash: "SHA-256" }).clientFirst(),
      /SASLprep/,
    );
    await expectScramError(() => createScramClient({ username: "u", password: "p", hash: "MD5" as never }), /hash/);
  });
});

describe("SCRAM: server-first-message checks", () => {
  const cases: [string, string, RegExp][] = [
    [
      "a nonce that does not start with ours",
      "r=XXXXNGfwEbeRWgbNEkqO%hvY,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
      /extend the client nonce/,
    ],
    ["a nonce equal to ours", `r=${SHA256.nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096`, /extend the client nonce/],
    ["a salt that is not base64", `r=${SHA256.nonce}x,s=W22Z*J0S,i=4096`, /salt/],
    ["an empty salt", `r=${SHA256.nonce}x,s=,i=4096`, /salt/],
    ["a leading zero in i", `r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=04096`, /iteration/],
    ["i=0", `r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0`, /iteration/],
    ["a negative i", `r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=-1`, /iteration/],
    ["an iteration downgrade", `r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4095`, /downgrade/],
    ["an absurd iteration count", `r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=99999999999`, /maximum/],
    ["attributes out of order", `s=W22ZaJ0SNY7soEsUEjb6gQ==,r=${SHA256.nonce}x,i=4096`, /r=<nonce>/],
    ["a missing i", `r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==`, /r=<nonce>/],
    ["a mandatory extension", `m=ext,r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096`, /extension/],
    [
      "channel-binding data we did not ask for",
      `r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=eSws`,
      /channel-binding/,
    ],
    [
      "a proof attribute from the server",
      `r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,p=abc=`,
      /channel-binding/,
    ],
    [
      "a reserved attribute as an extension",
      `r=${SHA256.nonce}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,v=abc=`,
      /unexpected "v="/,
    ],
    ["a server error", "e=unknown-user", /rejected the authentication: unknown-user/],
    ["a server error with odd text", "e=a b c", /rejected the authentication: unrecognised error/],
    ["garbage", "hello", /attribute=value/],
    ["an empty message", "", /empty/],
    ["a non-ASCII nonce", `r=${SHA256.nonce}é,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096`, /printable/],
  ];

  it.each(cases)("refuses %s", async (_, serverFirst, pattern) => {
    const client = sha256Client();
    await client.clientFirst();
    await expectScramError(() => client.clientFinal(serverFirst), pattern);
    // a failed exchange cannot be continued
    await expectScramError(() => client.verifyServerFinal(SHA256.serverFinal), /already failed/);
  });
});

describe("SCRAM: server-final-message checks", () => {
  async function afterClientFinal() {
    const client = sha256Client();
    await client.clientFirst();
    await client.clientFinal(SHA256.serverFirst);
    return client;
  }

  it.each([
    ["a wrong signature", "v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", /signature does not match/],
    // same bytes as the right signature, but the unused low bits are set: non-canonical base64
    ["a non-canonical spelling of the right signature", "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G5=", /base64/],
    ["a truncated signature", "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5n", /signature does not match|base64/],
    ["the SHA-1 example's signature", SHA1.serverFinal, /signature does not match/],
    ["a server error", "e=invalid-proof", /rejected the authentication: invalid-proof/],
    ["a non-base64 signature", "v=***", /base64/],
    ["an empty signature", "v=", /base64/],
    ["neither v= nor e=", "r=abc", /v=<signature>/],
  ])("refuses %s", async (_, serverFinal, pattern) => {
    const client = await afterClientFinal();
    await expectScramError(() => client.verifyServerFinal(serverFinal), pattern);
  });

  it("runs each step once, in order", async () => {
    const client = sha256Client();
    await expectScramError(() => client.clientFinal(SHA256.serverFirst), /out of order/);
    const fresh = sha256Client();
    await fresh.clientFirst();
    await expectScramError(() => fresh.clientFirst(), /out of order/);
    await expectScramError(() => fresh.verifyServerFinal(SHA256.serverFinal), /out of order/);
    await fresh.clientFinal(SHA256.serverFirst);
    await fresh.verifyServerFinal(SHA256.serverFinal);
    await expectScramError(() => fresh.verifyServerFinal(SHA256.serverFinal), /out of order/);
  });
});

describe("SCRAM: non-ASCII user names and passwords (SASLprep tables loaded on demand)", () => {
  it("sends the SASLprep form of a non-ASCII user name, and the proof matches the RFC example", async () => {
    // U+00AD is mapped to nothing: "us\u00ADer" is "user" to SASLprep, so this is RFC 7677's exchange.
    const client = sha256Client({ username: "us\u00ADer" });
    expect(await client.clientFirst()).toBe(SHA256.clientFirst);
    expect(await client.clientFinal(SHA256.serverFirst)).toBe(SHA256.clientFinal);
    await expect(client.verifyServerFinal(SHA256.serverFinal)).resolves.toBeUndefined();
  });

  it.each([
    ["a password with a line separator (prohibited)", { password: "pen\u2028cil" }, /password contains/],
    ["a password with an unassigned code point", { password: "pen\u0221cil" }, /password contains/],
    ["a user name with a C1 control character", { username: "us\u0085er" }, /username contains/],
    ["a user name mixing right-to-left and left-to-right text", { username: "user\u05d0" }, /username contains/],
  ])("refuses %s in clientFirst, before anything is sent", async (_, extra, pattern) => {
    const client = sha256Client(extra);
    await expectScramError(() => client.clientFirst(), pattern);
    await expectScramError(() => client.clientFinal(SHA256.serverFirst), /already failed/);
  });

  it("allows an unassigned code point in the user name (a SASLprep query string)", async () => {
    const client = sha256Client({ username: "us\u0221er" });
    expect(await client.clientFirst()).toBe(`n,,n=us\u0221er,r=${SHA256.nonce}`);
    await expect(client.clientFinal(SHA256.serverFirst)).resolves.toMatch(/^c=biws,r=.*,p=[A-Za-z0-9+/]+=*$/);
  });
});

describe("SCRAM on malformed input (property)", () => {
  const failFast = { minIterations: 1, maxIterations: 64 }; // keep PBKDF2 cheap when a message gets that far

  async function onlyScramErrors(run: () => Promise<unknown>): Promise<"ok" | "refused"> {
    try {
      await run();
      return "ok";
    } catch (error) {
      if (error instanceof AuthProtocolError && error.protocol === "scram") return "refused";
      throw error;
    }
  }

  it("server-first: arbitrary strings are refused with AuthProtocolError only", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }), async (serverFirst) => {
        const client = sha256Client(failFast);
        await client.clientFirst();
        await onlyScramErrors(() => client.clientFinal(serverFirst));
      }),
      { numRuns: 1000 },
    );
  });

  it("server-first: near-valid messages (our nonce prefix, odd salts and counts) never throw anything else", async () => {
    const token = fc.string({ unit: "binary-ascii", maxLength: 24 });
    const message = fc
      .tuple(
        fc.oneof(token, fc.constant("")),
        fc.oneof(fc.base64String({ maxLength: 24 }), token),
        fc.oneof(fc.integer({ min: -5, max: 70 }).map(String), token),
        fc.array(fc.tuple(fc.constantFrom("x", "c", "p", "v", "e", "m", "z"), token), { maxLength: 2 }),
      )
      .map(([suffix, salt, iterations, extensions]) =>
        [`r=${SHA256.nonce}${suffix}`, `s=${salt}`, `i=${iterations}`, ...extensions.map(([k, v]) => `${k}=${v}`)].join(
          ",",
        ),
      );
    await fc.assert(
      fc.asyncProperty(message, fc.string({ unit: "binary", maxLength: 60 }), async (serverFirst, serverFinal) => {
        const client = sha256Client(failFast);
        await client.clientFirst();
        if ((await onlyScramErrors(() => client.clientFinal(serverFirst))) === "ok") {
          // a random server-final can never carry the right signature
          expect(await onlyScramErrors(() => client.verifyServerFinal(serverFinal))).toBe("refused");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("server-final: arbitrary strings and v=<random base64> are refused with AuthProtocolError only", async () => {
    const serverFinal = fc.oneof(
      fc.string({ unit: "binary", maxLength: 120 }),
      fc.base64String({ maxLength: 60 }).map((b) => `v=${b}`),
      fc.string({ maxLength: 30 }).map((e) => `e=${e}`),
    );
    const client0 = sha256Client();
    await client0.clientFirst();
    await client0.clientFinal(SHA256.serverFirst); // warm up: one real exchange works
    await fc.assert(
      fc.asyncProperty(serverFinal, async (message) => {
        const client = sha256Client();
        await client.clientFirst();
        await client.clientFinal(SHA256.serverFirst);
        const outcome = await onlyScramErrors(() => client.verifyServerFinal(message));
        expect(outcome === "ok").toBe(message === SHA256.serverFinal);
      }),
      { numRuns: 300 },
    );
  });
});
