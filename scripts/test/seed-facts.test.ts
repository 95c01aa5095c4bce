import { join } from "node:path";
import { SPECS_DIR, specPath } from "../lib/providers";
import { loadSpec, type OpenApiDocument } from "../lib/spec-loader";
import {
  checkOperation,
  checkServer,
  listSeedFactsProviders,
  loadSeedFacts,
  parseSeedFacts,
  type SeedFacts,
} from "../lib/seed-facts";

// Every specs/seed-facts/<provider>.yaml is checked against specs/<provider>.yaml.
const FACTS_DIR = join(SPECS_DIR, "seed-facts");
const providers = listSeedFactsProviders(FACTS_DIR);

test("there are seed facts to check", () => {
  expect(providers.length).toBeGreaterThan(0);
});

describe.each(providers)("%s spec states its seed's facts", (provider) => {
  let facts: SeedFacts;
  try {
    facts = loadSeedFacts(join(FACTS_DIR, `${provider}.yaml`));
  } catch (err) {
    it("has a well-formed seed-facts file", () => {
      throw err;
    });
    return;
  }
  // Loaded inside the tests so a missing or broken spec fails them instead of the whole file.
  let spec: OpenApiDocument | undefined;
  const load = (): OpenApiDocument => (spec ??= loadSpec(specPath(provider)).doc);

  it("servers[0].url is the seed's base URL", () => {
    expect(checkServer(provider, facts, load())).toEqual([]);
  });

  it.each(Object.keys(facts.operations))("%s", (name) => {
    expect(checkOperation(provider, name, facts, load())).toEqual([]);
  });
});

describe("the checker reports a spec that drops a seed fact", () => {
  const cloudendure = loadSeedFacts(join(FACTS_DIR, "cloudendure.yaml"));
  const voximplant = loadSeedFacts(join(FACTS_DIR, "voximplant.yaml"));
  const freshCopy = (provider: string): any => structuredClone(loadSpec(specPath(provider)).doc);

  it("accepts the unbroken copy (the baseline the other cases break)", () => {
    expect(checkOperation("cloudendure", "login_post", cloudendure, freshCopy("cloudendure"))).toEqual([]);
  });

  it("a dropped response code", () => {
    const spec = freshCopy("cloudendure");
    delete spec.paths["/login"].post.responses["429"];
    expect(checkOperation("cloudendure", "login_post", cloudendure, spec)).toEqual([
      "cloudendure login_post: response 429 missing",
    ]);
  });

  it("a renamed parameter", () => {
    // The seed states a header `seon-fp`; the broken spec calls it `seon_fp`.
    const facts = structuredClone(cloudendure);
    facts.operations.login_post!.params.push({
      sdk: "seon_fp",
      type: "string",
      required: false,
      wire: "seon-fp",
      in: "header",
    });
    const spec = freshCopy("cloudendure");
    spec.paths["/login"].post.parameters = [{ name: "seon-fp", in: "header", schema: { type: "string" } }];
    expect(checkOperation("cloudendure", "login_post", facts, spec)).toEqual([]);
    spec.paths["/login"].post.parameters[0].name = "seon_fp";
    expect(checkOperation("cloudendure", "login_post", facts, spec)).toEqual([
      "cloudendure login_post: parameter seon_fp (header seon-fp) missing",
    ]);
  });

  it("a request body pointing at another model", () => {
    const spec = freshCopy("cloudendure");
    spec.paths["/login"].post.requestBody.content["application/json"].schema = { $ref: "#/components/schemas/User" };
    expect(checkOperation("cloudendure", "login_post", cloudendure, spec)).toEqual([
      "cloudendure login_post: body parameter login_info (application/json) schema is User, seed says InlineObject1",
    ]);
  });

  it("a body on a void operation, and a wrong return model", () => {
    const spec = freshCopy("cloudendure");
    spec.paths["/logout"].post.responses["204"].content = { "application/json": { schema: { type: "object" } } };
    spec.paths["/login"].post.responses["200"].content["application/json"].schema = {
      $ref: "#/components/schemas/Error",
    };
    expect(checkOperation("cloudendure", "logout_post", cloudendure, spec)).toEqual([
      "cloudendure logout_post: response 204 has a body, seed says void",
    ]);
    expect(checkOperation("cloudendure", "login_post", cloudendure, spec)).toEqual([
      "cloudendure login_post: response 200 (application/json) schema is Error, seed returns User",
    ]);
  });

  it("a security requirement missing one of the seed's schemes", () => {
    const spec = freshCopy("voximplant");
    spec.paths["/Logon"].post.security = [{ api_key: [] }];
    expect(checkOperation("voximplant", "logon", voximplant, spec)).toEqual([
      "voximplant logon: security requirement {api_key, account_name} missing (has: {api_key})",
    ]);
  });

  it("authorization on an operation the seed marks as open", () => {
    const spec = freshCopy("cloudendure");
    delete spec.paths["/logout"].post.security; // so the document-level requirement applies
    spec.security = [{ session: [] }];
    expect(checkOperation("cloudendure", "logout_post", cloudendure, spec)).toEqual([
      "cloudendure logout_post: security is [{session}], seed says no authorization",
    ]);
  });

  it("a wrong request media type and a response that does not offer the Accept type", () => {
    const spec = freshCopy("voximplant");
    const logon = spec.paths["/Logon"].post;
    logon.requestBody.content = { "application/json": logon.requestBody.content["application/x-www-form-urlencoded"] };
    logon.responses["200"].content = { "text/plain": logon.responses["200"].content["application/json"] };
    expect(checkOperation("voximplant", "logon", voximplant, spec)).toEqual([
      "voximplant logon: request content type application/x-www-form-urlencoded missing (has: application/json)",
      "voximplant logon: response 200 does not offer application/json (offers: text/plain)",
    ]);
  });

  it("a changed verb, path, summary and tag", () => {
    const spec = freshCopy("cloudendure");
    const op = spec.paths["/logout"].post;
    delete spec.paths["/logout"];
    spec.paths["/session"] = { delete: { ...op, summary: "Sign out", tags: ["Session"] } };
    expect(checkOperation("cloudendure", "logout_post", cloudendure, spec)).toEqual([
      "cloudendure logout_post: is DELETE /session, seed says POST /logout",
      "cloudendure logout_post: tags are [Session], seed's class implies [Authentication]",
      'cloudendure logout_post: summary is "Sign out", seed says "Logout"',
    ]);
  });

  it("an unresolvable local $ref, a renamed operationId and another server", () => {
    const spec = freshCopy("cloudendure");
    spec.paths["/login"].post.responses["200"] = { $ref: "#/components/responses/Missing" };
    expect(checkOperation("cloudendure", "login_post", cloudendure, spec)).toEqual([
      "cloudendure login_post: unresolvable $ref #/components/responses/Missing",
    ]);
    spec.paths["/logout"].post.operationId = "logout";
    expect(checkOperation("cloudendure", "logout_post", cloudendure, spec)).toEqual([
      "cloudendure logout_post: operation logoutPost missing",
    ]);
    spec.servers = [{ url: "https://console.cloudendure.com/api/v5/" }];
    expect(checkServer("cloudendure", cloudendure, spec)).toEqual([
      "cloudendure: servers[0].url is https://console.cloudendure.com/api/v5/, seed says https://console.cloudendure.com/api/latest",
    ]);
    // Server variables count with their defaults.
    spec.servers = [
      {
        url: "https://{host}/api/{version}",
        variables: { host: { default: "console.cloudendure.com" }, version: { default: "v5" } },
      },
    ];
    expect(checkServer("cloudendure", cloudendure, spec)).toEqual([
      "cloudendure: servers[0].url is https://{host}/api/{version} (https://console.cloudendure.com/api/v5), seed says https://console.cloudendure.com/api/latest",
    ]);
    spec.servers[0].variables.version.default = "latest";
    expect(checkServer("cloudendure", cloudendure, spec)).toEqual([]);
  });
});

describe("seed-facts files are validated", () => {
  it("rejects a facts file with a missing field instead of skipping the check", () => {
    const raw = {
      seed: "x.md",
      api: "XApi",
      baseUrl: "https://x.test",
      operations: { login: { operationId: "login", http: "POST /login" } },
    };
    expect(() => parseSeedFacts(raw, "x.yaml")).toThrow("x.yaml: operations.login.params must be a list");
  });
});
