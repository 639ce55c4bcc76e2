// Which file-system paths the renderer may hand to main (docs/security.md § Paths from the renderer).
// A path counts as the person's choice when a native dialog returned it in this session, or when it is one of
// the recent workspaces in the settings (each was once chosen). Channels that write, or that read a secret
// or a trust anchor, accept only such paths. A dropped file cannot be told apart from a forged path (the
// drop happens in the renderer), so the two read-only channels that take drops accept any absolute path and
// report it to `onUngranted`, which the shell logs.
import { resolve } from 'node:path';
import type { Channel } from '../../../shared/ipc/contract';
import { appError } from '../../../shared/errors/format';

/** How a channel treats a path that is not granted. */
export type PathPolicy = 'granted-only' | 'dropped-allowed';

export interface PathGrants {
  /** Records paths a native dialog returned (null/[] from a cancelled dialog grant nothing). */
  grant(paths: string | null | readonly string[]): void;
  isGranted(path: string, alsoGranted?: readonly string[]): boolean;
  /**
   * Returns the path when it may be used for `channel`; otherwise throws `ipc.path-not-granted` naming it.
   * `alsoGranted` adds paths granted by other means (the recent workspaces).
   */
  require(channel: Channel, path: string, policy: PathPolicy, alsoGranted?: readonly string[]): string;
}

/**
 * The key a path is compared by: resolved lexically (`.`, `..`, repeated and trailing separators), never
 * through symlinks (a link is granted as the path the person chose, not as its target). Windows and macOS
 * file systems usually ignore case, so the key does too there.
 */
export function pathKey(path: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = resolve(path);
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

export function createPathGrants(options: { onUngranted?: (channel: Channel, path: string) => void; platform?: NodeJS.Platform } = {}): PathGrants {
  const platform = options.platform ?? process.platform;
  const granted = new Set<string>();
  const isGranted = (path: string, alsoGranted: readonly string[] = []): boolean => {
    const key = pathKey(path, platform);
    return granted.has(key) || alsoGranted.some((other) => pathKey(other, platform) === key);
  };
  return {
    grant(paths) {
      if (paths === null) return;
      for (const path of typeof paths === 'string' ? [paths] : paths) granted.add(pathKey(path, platform));
    },
    isGranted,
    require(channel, path, policy, alsoGranted) {
      if (isGranted(path, alsoGranted)) return path;
      switch (policy) {
        case 'dropped-allowed':
          options.onUngranted?.(channel, path);
          return path;
        case 'granted-only':
          throw appError('ipc.path-not-granted', path, { channel, path });
      }
    },
  };
}
