// Contract tests: the published client against Prism booted from specs/equisoft.yaml. Prism answers a request
// that breaks the spec with 422/415, or, on operations that document a 400, with that 400 plus an `sl-violations`
// header; every test ends by asserting there was neither.
import { ApiError } from "@sessionkit/auth-helpers";
import { documentedResponses, expectedErrorName, recordingFetch, useMock } from "@sessionkit/mocks/testing";
import { createEquisoftClient } from "../../src";

const mock = useMock("equisoft");
const UUID = "3c9a1e52-7b4d-4f08-9e61-2d5a8c0f4b17";
const TOKEN_ID = "office365";
const SSO_TOKEN = "EwBwA8l6BAAUO9chh8cJscQLmU+LSWpbnr0vmwwAAQ";
const path = { uuid: UUID };

function client() {
  // rec.violations() counts Prism's 422/415 and the sl-violations header it sets when a documented 400 answers.
  const rec = recordingFetch();
  const fetch = rec.fetch;
  const equisoft = createEquisoftClient({ baseUrl: mock.url(), fetch, retry: false, logger: { warn() {} } });
  return { rec, equisoft, violations: rec.violations };
}

const trail = (rec: ReturnType<typeof recordingFetch>) =>
  rec.calls.map((c) => `${c.method} ${new URL(c.url).pathname}${new URL(c.url).search} ${c.status}`);

test("the whole session lifecycle in order", async () => {
  const { rec, equisoft, violations } = client();
  const created = await equisoft.createSession({
    body: { userUuid: "8d2f6a10-4c3e-4b7a-9f15-6e0d2c8b1a94", absoluteTimeout: 28800, enable: false, mobile: false },
  });
  expect(created).toMatchObject({ sessionId: UUID, state: "ENABLED", user: { displayName: "Jane Doe" } });
  const uuid = created.sessionId!;
  await expect(equisoft.getSession({ params: { path: { uuid } } })).resolves.toMatchObject({ sessionId: UUID });
  await expect(
    equisoft.setSessionSsoToken({ params: { path: { uuid, tokenId: TOKEN_ID } }, body: SSO_TOKEN }),
  ).resolves.toBeUndefined();
  await expect(equisoft.getSessionSsoToken({ params: { path: { uuid, tokenId: TOKEN_ID } } })).resolves.toEqual({
    id: TOKEN_ID,
    value: SSO_TOKEN,
  });
  await expect(
    equisoft.deleteSessionSsoToken({ params: { path: { uuid, tokenId: TOKEN_ID } } }),
  ).resolves.toBeUndefined();
  await expect(equisoft.enableSession({ params: { path: { uuid } } })).resolves.toBeUndefined();
  await expect(
    equisoft.enableSessionForCrm({ params: { path: { uuid }, query: { bumpOldestSession: true } } }),
  ).resolves.toBeUndefined();
  const impersonated = await equisoft.impersonate({
    params: { path: { uuid } },
    body: { userUuid: "8d2f6a10-4c3e-4b7a-9f15-6e0d2c8b1a94" },
  });
  expect(impersonated).toMatchObject({ user: { displayName: "Jane Doe" }, actor: { displayName: "Support Admin" } });
  const reverted = await equisoft.revertIdentity({ params: { path: { uuid } } });
  expect(reverted.user?.displayName).toBe("Support Admin");
  expect(reverted.actor).toBeUndefined();
  await expect(equisoft.deleteSession({ params: { path: { uuid } } })).resolves.toBeUndefined();
  await expect(equisoft.deleteAllSessions()).resolves.toBeUndefined();

  const base = `/sessions/${UUID}`;
  expect(trail(rec)).toEqual([
    "POST /sessions 201",
    `GET ${base} 200`,
    `PUT ${base}/tokens/${TOKEN_ID} 200`,
    `GET ${base}/tokens/${TOKEN_ID} 200`,
    `DELETE ${base}/tokens/${TOKEN_ID} 204`,
    `POST ${base}/enable 204`,
    `POST ${base}/enable/crm?bumpOldestSession=true 202`,
    `POST ${base}/impersonate 200`,
    `POST ${base}/revertIdentity 200`,
    `DELETE ${base} 204`,
    "DELETE /sessions 204",
  ]);
  // The sso token crosses the wire as the raw string, not as JSON.
  const put = rec.calls[2]!;
  expect(put.requestBody).toBe(SSO_TOKEN);
  expect(put.requestHeaders["content-type"]).toBe("text/plain");
  expect(JSON.parse(rec.calls[0]!.requestBody)).toMatchObject({ enable: false });
  expect(violations()).toEqual([]);
});

test("bumpOldestSession=false travels as the literal query value", async () => {
  const { rec, equisoft, violations } = client();
  await equisoft.enableSessionForCrm({ params: { path, query: { bumpOldestSession: false } } });
  await equisoft.enableSessionForCrm({ params: { path } });
  expect(trail(rec)).toEqual([
    `POST /sessions/${UUID}/enable/crm?bumpOldestSession=false 202`,
    `POST /sessions/${UUID}/enable/crm 202`,
  ]);
  expect(violations()).toEqual([]);
});

test("missing path parameters, a missing sso token and a missing baseUrl are refused before any request", async () => {
  const { rec, equisoft } = client();
  await expect(equisoft.getSession({ params: { path: { uuid: "" } } })).rejects.toMatchObject({
    name: "ConfigurationError",
    message: expect.stringContaining('path parameter "uuid" is required'),
  });
  await expect(equisoft.deleteSessionSsoToken({ params: { path: { uuid: UUID } } } as never)).rejects.toThrow(
    'path parameter "tokenId" is required',
  );
  await expect(
    equisoft.setSessionSsoToken({ params: { path: { uuid: UUID, tokenId: TOKEN_ID } }, body: "" }),
  ).rejects.toMatchObject({
    name: "MissingCredentialsError",
  });
  expect(rec.calls).toEqual([]);
  expect(() => createEquisoftClient({} as never)).toThrow("baseUrl is required");
});

/** A valid request for each operation (the status is then chosen with `Prefer`). */
const VALID_INIT: Record<string, Record<string, unknown>> = {
  createSession: { body: { userUuid: "8d2f6a10-4c3e-4b7a-9f15-6e0d2c8b1a94" } },
  deleteAllSessions: {},
  getSession: { params: { path } },
  deleteSession: { params: { path } },
  getSessionSsoToken: { params: { path: { ...path, tokenId: TOKEN_ID } } },
  setSessionSsoToken: { params: { path: { ...path, tokenId: TOKEN_ID } }, body: SSO_TOKEN },
  deleteSessionSsoToken: { params: { path: { ...path, tokenId: TOKEN_ID } } },
  enableSession: { params: { path } },
  enableSessionForCrm: { params: { path, query: { bumpOldestSession: true } } },
  impersonate: { params: { path }, body: { userUuid: "8d2f6a10-4c3e-4b7a-9f15-6e0d2c8b1a94" } },
  revertIdentity: { params: { path } },
};

async function failure(operationId: string, status: number) {
  const { equisoft, violations } = client();
  const call = (equisoft.withResponse as Record<string, (init?: object) => Promise<unknown>>)[operationId]!;
  const error = await call({ ...VALID_INIT[operationId], headers: { Prefer: `code=${status}` } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error: error as ApiError<{ message?: string; description?: string } | undefined>, violations };
}

const statuses = documentedResponses("equisoft").filter((r) => r.status >= 300);
test.each(statuses)("$operationId answers $status as the typed error", async ({ operationId, status }) => {
  const { error, violations } = await failure(operationId, status);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ name: expectedErrorName(status), status, provider: "equisoft" });
  // The typed error body is the spec's ErrorPayload example for that status.
  expect(error.body).toEqual({ message: expect.any(String), description: expect.any(String) });
  expect(error.body?.message).toBe(status === 404 ? "NOT_FOUND" : EXAMPLE_400[operationId]);
  expect(violations()).toEqual([]);
});

const EXAMPLE_400: Record<string, string> = {
  createSession: "BAD_REQUEST",
  enableSession: "USER_NOT_ENABLED",
  enableSessionForCrm: "CONCURRENT_ACCESS",
  impersonate: "SESSION_ALREADY_IMPERSONATED",
  revertIdentity: "SESSION_NOT_IMPERSONATED",
};

test("every operation is covered by the status tests or documents a range only", () => {
  const covered = new Set(statuses.map((s) => s.operationId));
  expect(Object.keys(VALID_INIT).filter((id) => !covered.has(id))).toEqual(["deleteAllSessions"]);
});

test.each([400, 404, 409])(
  "deleteAllSessions' 4XX range answers %i as the typed error with no body",
  async (status) => {
    const { error, violations } = await failure("deleteAllSessions", status);
    expect(error).toMatchObject({ name: expectedErrorName(status), status, body: undefined });
    expect(violations()).toEqual([]);
  },
);
