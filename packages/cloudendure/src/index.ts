export {
  createCloudEndureClient,
  type CloudEndureClient,
  type CloudEndureClientOptions,
  type LoginInfo,
  type User,
} from "./client";
export type { components, operations, paths } from "./generated/schema";
export * from "@sessionkit/auth-helpers/errors";
