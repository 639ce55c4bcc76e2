// The signing identity as the screens see it: loaded once per screen through `identity:get`.
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { useActions } from '../store/hooks';

export type IdentitySummary = NonNullable<ResponseOf<'identity:get'>>;

/** undefined while loading; null when there is no identity (or signing is not available, which is reported). */
export function useIdentity(): { identity: IdentitySummary | null | undefined; setIdentity(identity: IdentitySummary | null): void } {
  const { notifyError } = useActions('notifyError');
  const [identity, setIdentity] = useState<IdentitySummary | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    call('identity:get').then(
      (loaded) => {
        if (live) setIdentity(loaded);
      },
      (error: unknown) => {
        if (!live) return;
        setIdentity(null);
        notifyError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [notifyError]);

  return { identity, setIdentity };
}
