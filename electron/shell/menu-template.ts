// The application menu as data: Norwegian (default) or English labels, keyboard accelerators, and which
// renderer command each item sends. No `electron` value import, so the template is unit-tested in Node.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/i18n/localized';
import type { EventPayloadOf } from '../../shared/ipc/contract';

export type MenuCommand = EventPayloadOf<'menu:command'>;

export interface MenuActions {
  /** Sends a command to the renderer, which runs the flow (dialogs included). */
  command(command: MenuCommand): void;
  /** Opens an allowlisted https link in the system browser (main.ts: createExternalLinks().openFromMenu). */
  openExternal(url: string): void;
}

export const SCHEME_INFO_URL = 'https://www.imdi.no/tilskudd/kommunale-integreringstiltak/';

const LABELS = {
  file: { nb: 'Fil', en: 'File' },
  newWorkspace: { nb: 'Ny arbeidsmappe …', en: 'New workspace …' },
  openWorkspace: { nb: 'Åpne arbeidsmappe …', en: 'Open workspace …' },
  importPackages: { nb: 'Importer søknader …', en: 'Import applications …' },
  exportSigned: { nb: 'Eksporter signerte vurderinger …', en: 'Export signed assessments …' },
  verifyFile: { nb: 'Verifiser fil …', en: 'Verify a file …' },
  demo: { nb: 'Lag demorunde …', en: 'Create demo round …' },
  settings: { nb: 'Innstillinger …', en: 'Settings …' },
  quit: { nb: 'Avslutt', en: 'Quit' },
  edit: { nb: 'Rediger', en: 'Edit' },
  undo: { nb: 'Angre', en: 'Undo' },
  redo: { nb: 'Gjør om', en: 'Redo' },
  cut: { nb: 'Klipp ut', en: 'Cut' },
  copy: { nb: 'Kopier', en: 'Copy' },
  paste: { nb: 'Lim inn', en: 'Paste' },
  selectAll: { nb: 'Merk alt', en: 'Select all' },
  view: { nb: 'Vis', en: 'View' },
  reload: { nb: 'Last inn på nytt', en: 'Reload' },
  resetZoom: { nb: 'Faktisk størrelse', en: 'Actual size' },
  zoomIn: { nb: 'Zoom inn', en: 'Zoom in' },
  zoomOut: { nb: 'Zoom ut', en: 'Zoom out' },
  fullscreen: { nb: 'Fullskjerm', en: 'Full screen' },
  devTools: { nb: 'Utviklerverktøy', en: 'Developer tools' },
  window: { nb: 'Vindu', en: 'Window' },
  minimize: { nb: 'Minimer', en: 'Minimize' },
  zoom: { nb: 'Zoom', en: 'Zoom' },
  close: { nb: 'Lukk vindu', en: 'Close window' },
  front: { nb: 'Legg alle fremst', en: 'Bring all to front' },
  help: { nb: 'Hjelp', en: 'Help' },
  schemeInfo: { nb: 'Om tilskuddsordningen (imdi.no)', en: 'About the grant scheme (imdi.no)' },
  about: { nb: 'Om Vurder', en: 'About Vurder' },
} as const;

export interface MenuOptions {
  language: Language;
  platform: NodeJS.Platform;
  /** Developer tools only in a development build. */
  developer: boolean;
}

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = (key: keyof typeof LABELS): string => LABELS[key][options.language];
  const send = (command: MenuCommand) => () => actions.command(command);
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: t('file'),
      submenu: [
        { label: t('newWorkspace'), accelerator: 'CmdOrCtrl+N', click: send('workspace-create') },
        { label: t('openWorkspace'), accelerator: 'CmdOrCtrl+O', click: send('workspace-open') },
        { label: t('importPackages'), accelerator: 'CmdOrCtrl+I', click: send('import-packages') },
        { label: t('exportSigned'), accelerator: 'CmdOrCtrl+E', click: send('export-signed') },
        { label: t('verifyFile'), click: send('verify-file') },
        { type: 'separator' },
        { label: t('demo'), click: send('demo-create') },
        { type: 'separator' },
        { label: t('settings'), accelerator: 'CmdOrCtrl+,', click: send('settings') },
        ...(mac ? [] : ([{ type: 'separator' }, { label: t('quit'), role: 'quit', accelerator: 'CmdOrCtrl+Q' }] as const)),
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo' },
        { label: t('redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('cut'), role: 'cut' },
        { label: t('copy'), role: 'copy' },
        { label: t('paste'), role: 'paste' },
        { label: t('selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { label: t('reload'), role: 'reload' },
        { type: 'separator' },
        { label: t('resetZoom'), role: 'resetZoom' },
        { label: t('zoomIn'), role: 'zoomIn' },
        { label: t('zoomOut'), role: 'zoomOut' },
        { type: 'separator' },
        { label: t('fullscreen'), role: 'togglefullscreen' },
        ...(options.developer ? ([{ type: 'separator' }, { label: t('devTools'), role: 'toggleDevTools' }] as const) : []),
      ],
    },
    // Electron's roles carry the platform accelerators: Ctrl/Cmd+W closes (through the flush-on-close guard),
    // Ctrl/Cmd+M minimises; on macOS `windowMenu` also lists the open windows (docs: api/menu-item § Roles).
    {
      label: t('window'),
      role: 'windowMenu',
      submenu: [
        { label: t('minimize'), role: 'minimize' },
        ...(mac ? ([{ label: t('zoom'), role: 'zoom' }] as const) : []),
        { type: 'separator' },
        { label: t('close'), role: 'close' },
        ...(mac ? ([{ type: 'separator' }, { label: t('front'), role: 'front' }] as const) : []),
      ],
    },
    {
      label: t('help'),
      role: 'help',
      submenu: [
        { label: t('schemeInfo'), click: () => actions.openExternal(SCHEME_INFO_URL) },
        { type: 'separator' },
        { label: t('about'), click: send('about') },
      ],
    },
  );
  return template;
}
