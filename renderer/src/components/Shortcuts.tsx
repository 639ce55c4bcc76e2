// Keyboard shortcuts for working through a round (issue 12.6), and the help dialog that lists them (`?`).
// The table below is the one place they are defined; the dialog and docs/ui.md show the same list.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading } from '@digdir/designsystemet-react';
import { nextUnfinished } from '../../../shared/assessment/progress';
import { useStore } from '../store';
import { filterAndSort } from '../store/filter';
import { ASSESSMENT_TABS } from '../store/types';

export type ShortcutAction = 'help' | 'next' | 'previous' | 'nextUnfinished' | 'list' | 'step';

export interface Shortcut {
  keys: string;
  action: ShortcutAction;
}

/** Alt + a letter (by physical key, so a layout's Alt characters do not matter) or Alt + a digit for the steps. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: '?', action: 'help' },
  { keys: 'Alt+N', action: 'next' },
  { keys: 'Alt+P', action: 'previous' },
  { keys: 'Alt+U', action: 'nextUnfinished' },
  { keys: 'Alt+L', action: 'list' },
  { keys: 'Alt+1 … Alt+4', action: 'step' },
];

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

function focusMainSoon(): void {
  requestAnimationFrame(() => document.getElementById('main')?.focus());
}

/** Carries out a shortcut against the store; false when it does not apply where the assessor is. */
function run(action: Exclude<ShortcutAction, 'help'>, step?: number): boolean {
  const state = useStore.getState();
  const route = state.route;
  if (!state.workspace) return false;
  const ordered = filterAndSort(state.applications, state.filters, state.sort);
  const currentId = route.name === 'application' ? route.applicationId : undefined;
  const go = (applicationId: string | undefined): boolean => {
    if (applicationId === undefined) return false;
    void state.flushSave();
    void state.resumeApplication(applicationId);
    return true;
  };
  switch (action) {
    case 'list':
      void state.flushSave();
      state.navigate({ name: 'list' });
      focusMainSoon();
      return true;
    case 'nextUnfinished':
      return go(nextUnfinished(ordered, currentId)?.applicationId);
    case 'next':
    case 'previous': {
      if (currentId === undefined) return go(ordered[0]?.applicationId);
      const index = ordered.findIndex((row) => row.applicationId === currentId);
      if (index < 0) return false;
      return go(ordered[index + (action === 'next' ? 1 : -1)]?.applicationId);
    }
    case 'step': {
      const tab = ASSESSMENT_TABS[(step ?? 1) - 1];
      if (route.name !== 'application' || tab === undefined) return false;
      void state.flushSave();
      state.navigate({ name: 'application', applicationId: route.applicationId, tab });
      requestAnimationFrame(() => document.getElementById(`tab-${tab}`)?.focus());
      return true;
    }
  }
}

const LETTERS: Readonly<Record<string, Exclude<ShortcutAction, 'help' | 'step'>>> = {
  KeyN: 'next',
  KeyP: 'previous',
  KeyU: 'nextUnfinished',
  KeyL: 'list',
};

/** Global key handling; returns the help dialog's open state. */
export function useShortcuts(): [boolean, (open: boolean) => void] {
  const [help, setHelp] = useState(false);
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (event.defaultPrevented) return;
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
        event.preventDefault();
        setHelp(true);
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const digit = /^Digit([1-4])$/.exec(event.code)?.[1];
      const handled = digit !== undefined ? run('step', Number(digit)) : LETTERS[event.code] ? run(LETTERS[event.code] ?? 'list') : false;
      if (handled) event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [help, setHelp];
}

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <Dialog ref={ref} onClose={onClose} closeButton={t('app.dismiss')} aria-labelledby="shortcuts-heading" data-testid="shortcut-help">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="shortcuts-heading">
          {t('shortcuts.heading')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <table className="ds-table shortcut-table" data-size="sm">
          <caption className="visually-hidden">{t('shortcuts.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.keys')}</th>
              <th scope="col">{t('shortcuts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action}>
                <td>
                  <kbd>{shortcut.keys}</kbd>
                </td>
                <td>{t(`shortcuts.${shortcut.action}`)}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>1</kbd> … <kbd>7</kbd>
              </td>
              <td>{t('shortcuts.score')}</td>
            </tr>
            <tr>
              <td>
                <kbd>←</kbd> <kbd>→</kbd>
              </td>
              <td>{t('shortcuts.arrows')}</td>
            </tr>
          </tbody>
        </table>
      </Dialog.Block>
    </Dialog>
  );
}
