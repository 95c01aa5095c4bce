export {
  createEquisoftClient,
  type EquisoftClient,
  type EquisoftClientOptions,
  type ImpersonatePayload,
  type Session,
  type SessionPayload,
  type SsoToken,
} from "./client";
export type { components, operations, paths } from "./generated/schema";
export * from "@sessionkit/auth-helpers/errors";
