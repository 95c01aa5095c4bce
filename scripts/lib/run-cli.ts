/**
 * Runs a script's `main` when the file is executed directly (not imported by a test): its number is the exit code,
 * and a thrown error prints its message alone (errors here name files and lines; a stack trace adds nothing).
 */
export function runCli(entry: NodeModule, main: (argv: string[]) => number | Promise<number>): void {
  if (require.main !== entry) return;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => process.exit(code),
      (err: Error) => {
        console.error(err.message);
        process.exit(1);
      },
    );
}
