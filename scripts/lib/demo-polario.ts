/** Polario: SCRAM-SHA-256 login (server signature verified) → JWT + refresh token → refresh → logout. */
import { createPolarioClient } from "@sessionkit/polario";
import { type ProviderDemo, expectThat } from "./demo-step";

// The mock's examples are RFC 7677's SCRAM exchange (user "user", password "pencil"). Its server-first message
// only fits the RFC's client nonce, so the demo pins that nonce; real logins keep the client's random one.
const RFC7677 = { email: "user", password: "pencil", nonce: "rOprNGfwEbeRWgbNEkqO" };

export const polarioDemo: ProviderDemo = {
  provider: "polario",
  steps({ baseUrl, signal }) {
    const polario = createPolarioClient({ baseUrl, signal, retry: false, scramNonce: RFC7677.nonce });
    return [
      {
        name: "login",
        async run() {
          const reply = await polario.login({ email: RFC7677.email, password: RFC7677.password }, { platform: "Web" });
          expectThat(reply.token, "the login gave no JWT");
          expectThat(reply.refreshToken, "the login gave no refresh token");
          return "SCRAM-SHA-256 exchange, server signature verified; JWT and refresh token received";
        },
      },
      {
        name: "authSessionPost",
        async run() {
          const reply = await polario.authSessionPost();
          expectThat(reply.token, "the refresh gave no JWT");
          return "refresh token traded for a new JWT";
        },
      },
      {
        name: "authLogoutGet",
        async run() {
          await polario.authLogoutGet();
          expectThat(!polario.loggedIn, "after logout the client still holds a session");
          return "logged out with the JWT in the Session header; no session left";
        },
      },
    ];
  },
};
