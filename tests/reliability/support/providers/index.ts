/**
 * Every provider the suite covers. A provider package whose client exists but has no adapter here fails the
 * coverage test (test/coverage.test.ts), so a new client cannot slip past the matrix unnoticed.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ProviderAdapter } from "./adapter";
import { cloudendure } from "./cloudendure";
import { equisoft } from "./equisoft";
import { koyeb } from "./koyeb";
import { polario } from "./polario";
import { voximplant } from "./voximplant";

export const ADAPTERS: ProviderAdapter[] = [cloudendure, equisoft, koyeb, polario, voximplant];

export const PACKAGES_DIR = join(__dirname, "..", "..", "..", "..", "packages");

/** Provider packages (everything in packages/ but auth-helpers) and whether each has a client yet. */
export function providerPackages(): { name: string; hasClient: boolean }[] {
  return readdirSync(PACKAGES_DIR)
    .filter((name) => name !== "auth-helpers" && existsSync(join(PACKAGES_DIR, name, "package.json")))
    .sort()
    .map((name) => ({ name, hasClient: existsSync(join(PACKAGES_DIR, name, "src", "client.ts")) }));
}
