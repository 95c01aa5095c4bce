/**
 * Settles with `promise`, or rejects as soon as `signal` aborts even if the promise ignores the signal
 * (a custom fetch or sleep that does not honour it). A value that arrives after the abort goes to `onLate`.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal, onLate?: (value: T) => void): Promise<T> {
  if (signal.aborted) {
    if (onLate) promise.then(onLate, noop);
    else promise.catch(noop);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted && onLate) onLate(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** Frees the connection of a response nobody will read. */
export function discard(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(noop);
}

export function noop(): void {}
