/**
 * Strings that survive minification and identify a heavy dependency in a bundle. Each has a positive control
 * in bundle-size.test.ts (a bundle that must contain it), so a marker that stops matching is noticed.
 */
export const BUNDLE_MARKERS = {
  /** The SCRAM client (auth-helpers/src/scram.ts): RFC 5802's key derivation label. */
  scram: "Client Key",
  /** @mongodb-js/saslprep (SCRAM's password normalisation): ~560 kB of code-point tables, from its RFC links. */
  saslprep: "rfc4013",
  /** tough-cookie, used only by the cookie-session strategy. */
  cookieJar: "CookieJar",
  /** openapi-fetch's middleware error message. */
  openapiFetch: "must return new Response()",
} as const;

export type BundleMarker = keyof typeof BUNDLE_MARKERS;

export function isBundleMarker(name: string): name is BundleMarker {
  return Object.hasOwn(BUNDLE_MARKERS, name);
}

/** The markers found in a bundle. */
export function markersIn(code: string): BundleMarker[] {
  return (Object.keys(BUNDLE_MARKERS) as BundleMarker[]).filter((m) => code.includes(BUNDLE_MARKERS[m]));
}
