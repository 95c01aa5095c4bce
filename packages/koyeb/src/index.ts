export {
  createKoyebClient,
  type KoyebClient,
  type KoyebClientOptions,
  type LoginReply,
  type LoginRequest,
} from "./client";
export type { components, operations, paths } from "./generated/schema";
export * from "@sessionkit/auth-helpers/errors";
