// Serialises async work per key (a file path) inside one process: autosaves of the same assessment queue up
// instead of racing on the version check.
const queues = new Map<string, Promise<unknown>>();

export function runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  queues.set(key, next);
  // Drop the entry once idle so the map does not grow with every file ever touched.
  void next.finally(() => {
    if (queues.get(key) === next) queues.delete(key);
  }).catch(() => undefined);
  return next;
}
