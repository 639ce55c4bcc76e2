// Answers main's `app:flush-request` (the window is closing): save what the autosave debounce still holds,
// then confirm with `app:flushed` — only after the save was answered, so main knows the edit is on disk
// (docs/ipc.md § Closing). main closes anyway after a bounded wait if no answer comes.
import type { Unsubscribe } from '../../../shared/ipc/contract';
import { call, subscribe } from '../api/client';

export function answerFlushRequests(flush: () => Promise<void>, onError: (reason: unknown) => void): Unsubscribe {
  return subscribe('app:flush-request', ({ requestId }) => {
    // flushSave reports its own failures; the answer goes out either way so main need not wait for the timeout.
    flush()
      .finally(() => call('app:flushed', { requestId }))
      .catch(onError);
  });
}
