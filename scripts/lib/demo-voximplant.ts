/** Voximplant: Logon with account_name + api_key (form-encoded, keys in the query) → Logout with the session ID. */
import { createVoximplantClient } from "@sessionkit/voximplant";
import { type ProviderDemo, expectThat } from "./demo-step";

export const voximplantDemo: ProviderDemo = {
  provider: "voximplant",
  steps({ baseUrl, signal }) {
    // The mock checks that both keys are present, not their values; a real account's key goes here in real use.
    const vox = createVoximplantClient({ baseUrl, signal, retry: false, accountName: "acme", apiKey: "demo-api-key" });
    return [
      {
        name: "logon",
        async run() {
          const reply = await vox.logon();
          expectThat(reply.result, "the Logon reply carries no session ID");
          return `session started for account ${reply.account_name ?? "?"} (id ${reply.account_id ?? "?"})`;
        },
      },
      {
        // Logout's security accepts the session ID instead of the api_key; the client sends it once it has one.
        name: "logout",
        async run() {
          const reply = await vox.logout();
          expectThat(reply.result === 1, `Logout answered result=${String(reply.result)}, not 1`);
          return "session ended (result 1)";
        },
      },
    ];
  },
};
