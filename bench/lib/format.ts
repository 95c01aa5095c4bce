/** Number formats shared by the tables (fixed decimals so columns line up). */

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}

/** `12.3 ms` below a second, `1.23 s` above. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Bytes as kB (1 kB = 1000 B, as bundle-size tools report). */
export function kB(bytes: number, digits = 2): string {
  return Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(digits)} kB` : "–";
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "–";
}
