import { createProgress, isCi } from "../lib/mock-progress";

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (c: string) => chunks.push(c) }, text: () => chunks.join("") };
}

function clock(...times: number[]) {
  return () => times.shift() ?? 0;
}

test("CI=true: one plain line per finished step, no ANSI even on a terminal", () => {
  const out = sink(true);
  const progress = createProgress(out.stream, { CI: "true" }, clock(0, 730, 1000, 1012));
  progress.start("loading Prism");
  expect(progress.done("loaded Prism")).toBe(730);
  progress.start("starting koyeb");
  progress.fail();
  progress.stop();
  expect(out.text()).toBe("ok   loaded Prism (730 ms)\nFAIL starting koyeb (12 ms)\n");
  expect(progress.fancy).toBe(false);
});

test("piped output (no TTY) is plain too", () => {
  expect(createProgress(sink(false).stream, {}).fancy).toBe(false);
  expect(createProgress(sink(true).stream, { TERM: "dumb" }).fancy).toBe(false);
});

test("on a terminal: a spinner line while running, a coloured mark when done, the cursor given back", () => {
  const out = sink(true);
  const progress = createProgress(out.stream, {}, clock(0, 1500));
  progress.start("loading Prism");
  expect(out.text()).toContain("\x1b[?25l"); // cursor hidden while the spinner runs
  expect(out.text()).toMatch(/\r\x1b\[2K⠋ loading Prism/);
  progress.done("loaded Prism");
  progress.stop();
  expect(out.text()).toContain("\x1b[32m✔\x1b[39m loaded Prism \x1b[2m(1.50 s)\x1b[22m\n");
  expect(out.text().endsWith("\x1b[?25h")).toBe(true);
});

test.each([
  [{ CI: "true" }, true],
  [{ CI: "1" }, true],
  [{ CI: "false" }, false],
  [{ CI: "" }, false],
  [{}, false],
])("isCi(%j) is %s", (env, expected) => {
  expect(isCi(env)).toBe(expected);
});
