// A drop zone for files and folders from the desktop: highlights while something is dragged over it, hands the
// dropped paths on, and says so (noPathMessage, naming the button to use instead) when the shell could resolve
// none of them. Used by the import, the panel's collect screen and "Verifiser fil".
import { useState } from 'react';
import type { ReactNode } from 'react';
import { pathsOfDrop } from '../api/client';
import { useActions } from '../store/hooks';

export function DropZone({ onPaths, noPathMessage, testId, children }: { onPaths: (paths: string[]) => void; noPathMessage: string; testId: string; children: ReactNode }) {
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
        if (paths.length === 0) notify('error', noPathMessage);
        else onPaths(paths);
      }}
    >
      {children}
    </div>
  );
}
