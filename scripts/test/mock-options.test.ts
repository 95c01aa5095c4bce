import { UsageError, parseMockArgs, selectMocks } from "../lib/mock-options";

const FIXED = { koyeb: 4010, voximplant: 4011, cloudendure: 4012, polario: 4013, equisoft: 4014 };

test("no providers named: every provider of mocks/ports.json on its fixed port", () => {
  expect(parseMockArgs([], {})).toEqual({
    providers: Object.keys(FIXED),
    ports: FIXED,
    help: false,
    dynamic: false,
    errors: false,
  });
});

test("named providers keep ports.json order, once each", () => {
  expect(selectMocks(["polario", "koyeb", "polario"], [], {})).toEqual({
    providers: ["koyeb", "polario"],
    ports: { koyeb: 4010, polario: 4013 },
  });
});

test("--port beats SESSIONKIT_MOCK_PORT_<PROVIDER>, which beats ports.json", () => {
  const env = { SESSIONKIT_MOCK_PORT_KOYEB: "5010", SESSIONKIT_MOCK_PORT_POLARIO: "5013" };
  const { ports } = parseMockArgs(
    ["koyeb", "polario", "equisoft", "--port", "koyeb=6010", "--dynamic", "--errors"],
    env,
  );
  expect(ports).toEqual({ koyeb: 6010, polario: 5013, equisoft: 4014 });
  expect(parseMockArgs(["--dynamic", "--errors"], {})).toMatchObject({ dynamic: true, errors: true });
});

test("port 0 (any free port) is allowed more than once", () => {
  expect(selectMocks(["koyeb", "polario"], ["koyeb=0", "polario=0"], {}).ports).toEqual({ koyeb: 0, polario: 0 });
});

test.each([
  [["nosuch"], /unknown provider\(s\): nosuch/],
  [["--port", "koyeb"], /expected <provider>=<port>/],
  [["--port", "nosuch=4000"], /unknown provider "nosuch"/],
  [["--port", "koyeb=70000"], /70000 is not a port number/],
  [["--port", "koyeb=4011"], /koyeb and voximplant are both set to port 4011/],
  [["--verbose"], /Unknown option '--verbose'/],
])("%j is a usage error", (argv, message) => {
  expect(() => parseMockArgs(argv, {})).toThrow(UsageError);
  expect(() => parseMockArgs(argv, {})).toThrow(message);
});

test("a malformed SESSIONKIT_MOCK_PORT_ value is a usage error naming the variable", () => {
  expect(() => parseMockArgs(["koyeb"], { SESSIONKIT_MOCK_PORT_KOYEB: "http" })).toThrow(
    /SESSIONKIT_MOCK_PORT_KOYEB=http is not a port number/,
  );
});

test("--help needs no valid selection", () => {
  expect(parseMockArgs(["--help", "nosuch"], {}).help).toBe(true);
});

test("a leading `--` (npm habit, passed through by pnpm 10) is ignored", () => {
  expect(parseMockArgs(["--", "koyeb", "--port", "koyeb=4110"], {})).toMatchObject({
    providers: ["koyeb"],
    ports: { koyeb: 4110 },
  });
  expect(parseMockArgs(["--", "--help"], {}).help).toBe(true);
});
