/** Where a CLI command writes; tests pass their own to capture output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export interface CliCommand {
  /** Returns the exit code. Never throws for expected failures: it prints one line naming the file. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
};
