/**
 * The demos `pnpm main` runs, one per provider package. A provider declared in mocks/ports.json without an entry
 * here still gets its mock; the summary says it has no demo yet.
 */
import { cloudendureDemo } from "./demo-cloudendure";
import { equisoftDemo } from "./demo-equisoft";
import { koyebDemo } from "./demo-koyeb";
import { polarioDemo } from "./demo-polario";
import type { ProviderDemo } from "./demo-step";
import { voximplantDemo } from "./demo-voximplant";

export const DEMOS: readonly ProviderDemo[] = [koyebDemo, voximplantDemo, cloudendureDemo, polarioDemo, equisoftDemo];

export function demoFor(provider: string, demos: readonly ProviderDemo[] = DEMOS): ProviderDemo | undefined {
  return demos.find((d) => d.provider === provider);
}
