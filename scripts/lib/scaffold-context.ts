import { operationTable } from "./codegen";
import { type AuthWiring, authWiring } from "./scaffold-auth";
import { type ExampleOperation, exampleOperations } from "./scaffold-examples";
import { pascalCase } from "./scaffold-template";
import type { OpenApiDocument } from "./spec-loader";

export interface ScaffoldOperation extends ExampleOperation {
  /** As in the generated operation table: whether the spec's security asks for a credential. */
  auth: "required" | "optional" | "none";
  /** Documented numeric statuses, in spec order. */
  statuses: number[];
  /** Status → error class named by the spec's `x-sessionkit-error`. */
  errors: Record<string, string>;
}

/** What every scaffold-* renderer reads: names, the spec's title, the auth wiring and one request per operation. */
export interface ScaffoldContext {
  name: string;
  /** PascalCase name: `createAcmeClient`, `AcmeClientOptions`. */
  Name: string;
  title: string;
  description: string;
  port: number;
  /** Path part of servers[0] (Prism serves without it, so the mock's baseUrl has none). */
  basePath: string;
  wiring: AuthWiring;
  operations: ScaffoldOperation[];
}

export function scaffoldContext(name: string, doc: OpenApiDocument, port: number): ScaffoldContext {
  const table = operationTable(doc);
  const operations = exampleOperations(doc).map((op) => ({
    ...op,
    auth: table[op.id]?.auth ?? "none",
    errors: table[op.id]?.errors ?? {},
    statuses: Object.keys(doc.paths?.[op.path]?.[op.method]?.responses ?? {})
      .filter((s) => /^\d{3}$/.test(s))
      .map(Number),
  }));
  const server = doc.servers?.[0]?.url ?? "";
  return {
    name,
    Name: pascalCase(name),
    title: doc.info?.title?.trim() || name,
    description: doc.info?.description?.trim() ?? "",
    port,
    basePath: /^[a-z]+:\/\/[^/]+(\/.*?)\/?$/i.exec(server)?.[1] ?? "",
    wiring: authWiring(doc),
    operations,
  };
}

/** The operation a login most likely is: the first anonymous (or optionally secured) one that takes a body. */
export function loginCandidate(ctx: ScaffoldContext): ScaffoldOperation | undefined {
  return ctx.operations.find((op) => op.auth !== "required" && op.init.body !== undefined);
}
