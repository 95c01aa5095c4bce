/** Equisoft: a session's life by uuid: create → read → store/read an SSO token → impersonate/revert → delete. */
import { createEquisoftClient } from "@sessionkit/equisoft";
import { type ProviderDemo, expectThat } from "./demo-step";

const USER = "8d2f6a10-4c3e-4b7a-9f15-6e0d2c8b1a94";
const SSO = { tokenId: "office365", value: "EwBwA8l6BAAUO9chh8cJscQLmU+LSWpbnr0vmwwAAQ" }; // the spec's example

export const equisoftDemo: ProviderDemo = {
  provider: "equisoft",
  steps({ baseUrl, signal }) {
    const equisoft = createEquisoftClient({ baseUrl, signal, retry: false });
    let uuid = "";
    const path = () => ({ path: { uuid } });
    return [
      {
        name: "createSession",
        async run() {
          const session = await equisoft.createSession({
            body: { userUuid: USER, absoluteTimeout: 28_800, enable: false, mobile: false },
          });
          expectThat(session.sessionId, "the new session has no sessionId");
          uuid = session.sessionId;
          return `session ${uuid} (${session.state ?? "no state"})`;
        },
      },
      {
        name: "getSession",
        async run() {
          const session = await equisoft.getSession({ params: path() });
          expectThat(session.sessionId === uuid, `asked for session ${uuid}, got ${String(session.sessionId)}`);
          return `read back, user ${session.user?.displayName ?? "?"}`;
        },
      },
      {
        name: "setSessionSsoToken",
        async run() {
          await equisoft.setSessionSsoToken({ params: { path: { uuid, tokenId: SSO.tokenId } }, body: SSO.value });
          return `stored the ${SSO.tokenId} token (text/plain)`;
        },
      },
      {
        name: "getSessionSsoToken",
        async run() {
          const token = await equisoft.getSessionSsoToken({ params: { path: { uuid, tokenId: SSO.tokenId } } });
          expectThat(token.value === SSO.value, "the SSO token read back differs from the one stored");
          return `read back the ${SSO.tokenId} token unchanged`;
        },
      },
      {
        name: "impersonate",
        async run() {
          const session = await equisoft.impersonate({ params: path(), body: { userUuid: USER } });
          expectThat(session.actor, "the impersonated session names no actor");
          return `${session.actor.displayName ?? "?"} acts as ${session.user?.displayName ?? "?"}`;
        },
      },
      {
        name: "revertIdentity",
        async run() {
          const session = await equisoft.revertIdentity({ params: path() });
          expectThat(!session.actor, "the session still has an actor after revertIdentity");
          return `back to ${session.user?.displayName ?? "?"}`;
        },
      },
      {
        name: "deleteSession",
        async run() {
          await equisoft.deleteSession({ params: path() });
          return "session deleted";
        },
      },
    ];
  },
};
