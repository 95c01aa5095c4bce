import ports from "./ports.json";

export type MockPorts = Record<string, number>;

/** Fixed mock port per provider, from ports.json, overridable with SESSIONKIT_MOCK_PORT_<PROVIDER>. */
export function mockPort(provider: string, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env[`SESSIONKIT_MOCK_PORT_${provider.toUpperCase()}`];
  if (fromEnv !== undefined) {
    const port = Number(fromEnv);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`SESSIONKIT_MOCK_PORT_${provider.toUpperCase()}=${fromEnv} is not a port number`);
    }
    return port;
  }
  const port = (ports as Record<string, unknown>)[provider];
  if (typeof port !== "number") throw new Error(`mocks/ports.json declares no port for "${provider}"`);
  return port;
}

/** The URL a client should use for a provider's mock: `http://127.0.0.1:<port>`. */
export function mockUrl(provider: string, env: NodeJS.ProcessEnv = process.env): string {
  return `http://127.0.0.1:${mockPort(provider, env)}`;
}

export function declaredProviders(): string[] {
  return Object.keys(ports).filter((k) => !k.startsWith("$"));
}
