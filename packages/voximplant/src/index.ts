export {
  createVoximplantClient,
  type LogonReply,
  type LogoutReply,
  type VoximplantClient,
  type VoximplantClientOptions,
} from "./client";
export { VoximplantError, type VoximplantErrorDetail } from "./errors";
export type { components, operations, paths } from "./generated/schema";
export * from "@sessionkit/auth-helpers/errors";
