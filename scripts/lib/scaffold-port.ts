/** The first port after the highest one mocks/ports.json declares (4010 when it declares none). */
export function nextFreePort(ports: Record<string, unknown>): number {
  const used = Object.entries(ports)
    .filter(([key, value]) => !key.startsWith("$") && typeof value === "number")
    .map(([, value]) => value as number);
  const port = used.length === 0 ? 4010 : Math.max(...used) + 1;
  if (port > 65535) throw new Error("mocks/ports.json: no port left above the highest declared one");
  return port;
}

/** ports.json with the provider added last, in the file's own format (2-space JSON, trailing newline). */
export function withPort(portsText: string, provider: string, port: number): string {
  const ports = JSON.parse(portsText) as Record<string, unknown>;
  return `${JSON.stringify({ ...ports, [provider]: port }, null, 2)}\n`;
}
