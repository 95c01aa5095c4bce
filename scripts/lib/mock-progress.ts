/**
 * Step-by-step progress for the mock runner and the demo. On a terminal: a spinner on the running step, a
 * coloured mark when it ends. In CI (`CI=true`) or when piped: one plain line per finished step, no ANSI, so logs
 * stay readable and greppable.
 */

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** True when writing spinners and colours to a terminal. */
  readonly fancy: boolean;
  /** A step begins; on a terminal the spinner shows `text` until done() or fail(). */
  start(text: string): void;
  /** The running step ended well; prints `text` (default: the start text) with the step's duration. */
  done(text?: string): number;
  /** The running step broke; prints `text` (default: the start text) marked as failed. */
  fail(text?: string): number;
  /** A line of ordinary output (stops the spinner's line first). */
  line(text?: string): void;
  /** Removes the spinner and gives the cursor back; safe to call more than once. */
  stop(): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const CLEAR_LINE = "\r\x1b[2K";
const HIDE_CURSOR = "\x1b[?25l";
const SHOW_CURSOR = "\x1b[?25h";

/** CI=true (or any value but "false"/"0") means no terminal tricks, even if a TTY is attached. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

export function wantsFancyOutput(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !isCi(env) && env.TERM !== "dumb";
}

export const green = (fancy: boolean, s: string) => (fancy ? `\x1b[32m${s}\x1b[39m` : s);
export const red = (fancy: boolean, s: string) => (fancy ? `\x1b[31m${s}\x1b[39m` : s);
export const dim = (fancy: boolean, s: string) => (fancy ? `\x1b[2m${s}\x1b[22m` : s);

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function createProgress(
  stream: OutputStream,
  env: NodeJS.ProcessEnv = process.env,
  now = () => performance.now(),
): Progress {
  const fancy = wantsFancyOutput(stream, env);
  let current: { text: string; startedAt: number } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let frame = 0;

  const render = () => {
    if (current) stream.write(`${CLEAR_LINE}${FRAMES[frame++ % FRAMES.length]} ${current.text}`);
  };
  const clearSpinner = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (fancy && current) stream.write(CLEAR_LINE);
  };
  const finish = (mark: string, text: string | undefined): number => {
    const step = current;
    clearSpinner();
    current = undefined;
    if (!step) return 0;
    const ms = now() - step.startedAt;
    stream.write(`${mark} ${text ?? step.text} ${dim(fancy, `(${formatMs(ms)})`)}\n`);
    return ms;
  };

  return {
    fancy,
    start(text) {
      if (current) finish(fancy ? green(true, "✔") : "ok  ", undefined);
      current = { text, startedAt: now() };
      if (!fancy) return;
      stream.write(HIDE_CURSOR);
      render();
      // unref: a spinner must never be what keeps the process alive.
      timer = setInterval(render, 80).unref();
    },
    done: (text) => finish(fancy ? green(true, "✔") : "ok  ", text),
    fail: (text) => finish(fancy ? red(true, "✘") : "FAIL", text),
    line(text = "") {
      clearSpinner();
      stream.write(`${text}\n`);
      if (fancy && current) {
        render();
        timer = setInterval(render, 80).unref();
      }
    },
    stop() {
      clearSpinner();
      current = undefined;
      if (fancy) stream.write(SHOW_CURSOR);
    },
  };
}
