/**
 * The harness itself: each fake vendor really checks credentials (so "the next call carries the same credential"
 * means something), and the secrets the leak checks search for are the ones the clients really send.
 */
import { json, startFaultServer } from "../support/fault-server";
import { ADAPTERS } from "../support/providers";
import { polario, polarioSecrets } from "../support/providers/polario";

test.each(ADAPTERS.map((a) => [a.name, a] as const))(
  "%s: a normal session works, and a forged credential is refused",
  async (_name, adapter) => {
    const server = await startFaultServer(adapter.routes());
    try {
      const client = adapter.create(server, {});
      await adapter.login?.run(client);
      const call = adapter.idempotent ?? adapter.nonIdempotent;
      await call.run(client);
      const hit = server.hitsTo(call.route).at(-1)!;
      const credential = adapter.credential(hit);
      expect(credential).toBeTruthy();
      // Every credential the request carried is one of the adapter's secrets (or built from them).
      expect(Object.values(adapter.secrets).some((secret) => credential!.includes(secret))).toBe(true);

      // The same request with the credential swapped for a forged one is refused by the fake vendor.
      // The path only: Voximplant carries its credential in the query.
      const forged = await fetch(`${server.url}${hit.path}`, {
        method: hit.method,
        headers: {
          "content-type": "application/json",
          authorization: "Bearer forged",
          cookie: "session=forged",
          session: "forged",
          "x-gateway-key": "forged",
        },
        body: hit.method === "GET" ? undefined : "{}",
      });
      const answer = (await forged.json().catch(() => ({}))) as { error?: unknown };
      // Voximplant refuses inside an HTTP 200 (`error` in the body); the others with a 4xx.
      if (adapter.name === "voximplant") expect(answer.error).toBeDefined();
      else expect(forged.status).toBeGreaterThanOrEqual(400);
    } finally {
      await server.close();
    }
  },
);

test("polario: the fake server's SCRAM is real: the proof the client sends is the precomputed one, a wrong password is a 401", async () => {
  const server = await startFaultServer(polario.routes());
  try {
    await polario.login!.run(polario.create(server, {}));
    expect(json(server.hitsTo("POST /api/auth/login")[0]!).proof).toBe(polarioSecrets.scramProof);

    server.reset();
    const wrong = polario.create(server, { retry: false });
    await expect(wrong.login({ email: "ada@example.com", password: "not-the-password" })).rejects.toMatchObject({
      name: "AuthenticationError",
      status: 401,
    });
  } finally {
    await server.close();
  }
});
