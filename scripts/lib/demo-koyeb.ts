/** Koyeb: email + password login → a new session (Bearer-authenticated) → token refresh → logout. */
import { createKoyebClient } from "@sessionkit/koyeb";
import { type ProviderDemo, expectThat } from "./demo-step";

export const koyebDemo: ProviderDemo = {
  provider: "koyeb",
  steps({ baseUrl, signal }) {
    const koyeb = createKoyebClient({ baseUrl, signal, retry: false });
    const expires = (at: string | undefined) => (at ? `expires ${at}` : "no expiry given");
    return [
      {
        name: "login",
        async run() {
          const reply = await koyeb.login({ email: "jane@example.com", password: "correct-horse-battery-staple" });
          expectThat(reply.token?.id, "the login reply carries no token");
          return `token received, ${expires(reply.token.expires_at)}`;
        },
      },
      {
        // The mock answers 401 to a request without `Authorization: Bearer …`, so success proves the login token was sent.
        name: "newSession",
        async run() {
          const reply = await koyeb.newSession();
          expectThat(reply.token?.id, "the new-session reply carries no token");
          return `authenticated with the login token; new session token, ${reply.token.organization_id ? "in an organization" : "no organization"}`;
        },
      },
      {
        name: "refreshToken",
        async run() {
          const reply = await koyeb.refreshToken();
          expectThat(reply.token?.id, "the refresh reply carries no token");
          return `token refreshed, ${expires(reply.token.expires_at)}`;
        },
      },
      {
        name: "logout",
        async run() {
          await koyeb.logout();
          // logout() forgets the token; a refresh must now fail before any request is sent.
          const after = await koyeb.refreshToken().then(
            () => "still holds a token",
            (err: Error) => (err.name === "MissingCredentialsError" ? undefined : err.message),
          );
          expectThat(after === undefined, `after logout the client ${after}`);
          return "logged out; the client holds no token";
        },
      },
    ];
  },
};
