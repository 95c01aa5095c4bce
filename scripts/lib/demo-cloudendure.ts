/** CloudEndure: login sets a session cookie (+ XSRF token) that the client's jar sends back → logout empties it. */
import { createCloudEndureClient } from "@sessionkit/cloudendure";
import { type ProviderDemo, expectThat } from "./demo-step";

export const cloudendureDemo: ProviderDemo = {
  provider: "cloudendure",
  steps({ baseUrl, signal }) {
    const ce = createCloudEndureClient({ baseUrl, signal, retry: false });
    return [
      {
        name: "loginPost",
        async run() {
          const user = await ce.loginPost({ username: "jane@example.com", password: "correct-horse-battery-staple" });
          expectThat(user.username, "the login reply names no user");
          return `signed in as ${user.username}${user.status ? ` (${user.status})` : ""}; session cookie kept`;
        },
      },
      {
        // logoutPost refuses to run without the session cookie, so getting through proves the jar kept it.
        name: "logoutPost",
        async run() {
          await ce.logoutPost();
          const after = await ce.logoutPost().then(
            () => "still holds a session cookie",
            (err: Error) => (err.name === "MissingCredentialsError" ? undefined : err.message),
          );
          expectThat(after === undefined, `after logout the client ${after}`);
          return "logged out; the cookie jar is empty";
        },
      },
    ];
  },
};
