// Menu items and accelerators of the Electron shell arrive as `menu:command` events; the renderer carries them
// out because it owns the flows and their dialogs. `assessment:recovered` (a damaged file was restored from its
// history) must be told to the person, so it becomes a visible notice.
import { useEffect } from 'react';
import i18next from 'i18next';
import type { EventPayloadOf } from '../../shared/ipc/contract';
import { subscribe } from './api/client';
import { useStore } from './store';

type MenuCommand = EventPayloadOf<'menu:command'>;

function run(command: MenuCommand): void {
  const state = useStore.getState();
  switch (command) {
    case 'workspace-create':
      void state.createWorkspace();
      return;
    case 'workspace-open':
      void state.openWorkspace();
      return;
    case 'import-packages':
      if (state.workspace) void state.chooseAndImport();
      else state.navigate({ name: 'start' });
      return;
    case 'export-signed':
      state.navigate(state.workspace ? { name: 'export' } : { name: 'start' });
      return;
    case 'verify-file':
      state.navigate({ name: 'verify' });
      return;
    case 'demo-create':
      void state.createDemo();
      return;
    case 'settings':
      state.navigate({ name: 'settings' });
      return;
    case 'about':
      state.navigate({ name: 'start' });
      return;
  }
}

export function useMenuCommands(): void {
  useEffect(() => {
    const offMenu = subscribe('menu:command', run);
    const offRecovered = subscribe('assessment:recovered', (event) => {
      useStore.getState().notify('info', event.message[i18next.language === 'en' ? 'en' : 'nb']);
    });
    return () => {
      offMenu();
      offRecovered();
    };
  }, []);
}
