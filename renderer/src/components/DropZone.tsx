// A drop zone for files and folders from the desktop: highlights while something is dragged over it, hands the
// dropped paths on, and says so when the shell could resolve none of them. Used by the import and the panel's
// collect screen.
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pathsOfDrop } from '../api/client';
import { useActions } from '../store/hooks';

export function DropZone({ onPaths, testId, children }: { onPaths: (paths: string[]) => void; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { notify } = useActions('notify');
  const [over, setOver] = useState(false);
  return (
    <div
      className="drop-zone"
      data-over={over}
      data-testid={testId}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const paths = pathsOfDrop(event.dataTransfer.files);
        if (paths.length === 0) notify('error', t('import.dropNoPath'));
        else onPaths(paths);
      }}
    >
      {children}
    </div>
  );
}
