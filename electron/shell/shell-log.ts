// What the shell modules need of a logger. main.ts passes electron-log (log.ts); the shell tests pass a
// recorder. Kept apart from log.ts because importing electron-log/main needs a running Electron.
export interface ShellLog {
  warn(message: string): void;
  error(message: string): void;
}

/** One line for anything thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
