// electron-log for the main process: a rotating file in the user's log folder, one line per event, no
// renderer hook (electron-log's preload injection is not used: the preload exposes only the IPC contract).
// Importing electron-log/main registers its own ipcMain channel; ipc.ts removes it (docs/security.md § IPC).
import log from 'electron-log/main';

log.transports.file.level = 'info';
log.transports.file.maxSize = 5 * 1024 * 1024;
log.transports.console.level = process.env.VURDER_LOG_CONSOLE === '1' ? 'debug' : 'warn';

export { log };
