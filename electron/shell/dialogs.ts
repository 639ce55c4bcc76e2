// Native open dialogs behind the Dialogs port. Titles follow the UI language.
import { dialog } from 'electron';
import type { BrowserWindow, FileFilter, OpenDialogOptions } from 'electron';
import type { Language } from '../../shared/i18n/localized';
import type { ConfirmAction, Dialogs, DirectoryPurpose, FilePurpose, SavePurpose } from '../services/backend/ports';

const DIRECTORY_TITLES: Record<DirectoryPurpose, Record<Language, string>> = {
  'create-workspace': { nb: 'Velg en tom mappe for den nye arbeidsmappen', en: 'Choose an empty folder for the new workspace' },
  'open-workspace': { nb: 'Åpne arbeidsmappe', en: 'Open workspace' },
  demo: { nb: 'Velg en tom mappe for demorunden', en: 'Choose an empty folder for the demo round' },
  export: { nb: 'Velg mappe for eksport', en: 'Choose a folder for the export' },
  'create-panel': { nb: 'Velg en tom mappe for den nye panelrunden', en: 'Choose an empty folder for the new panel round' },
  'demo-panel': { nb: 'Velg en tom mappe for demo-panelrunden', en: 'Choose an empty folder for the demo panel round' },
  report: { nb: 'Velg mappe for innstillingen og brevene', en: 'Choose a folder for the recommendation and letters' },
};

const PACKAGE_TITLE: Record<Language, string> = { nb: 'Importer søknader', en: 'Import applications' };
const PACKAGE_FILTER: Record<Language, string> = {
  nb: 'Søknadspakker og sakslister (.zip, .csv, .xlsx)',
  en: 'Application packages and case lists (.zip, .csv, .xlsx)',
};

const FILE_DIALOGS: Record<FilePurpose, { title: Record<Language, string>; filter: Record<Language, string>; extensions: string[]; many: boolean }> = {
  identity: {
    title: { nb: 'Importer signeringsidentitet', en: 'Import signing identity' },
    filter: { nb: 'PKCS#12 (.p12, .pfx)', en: 'PKCS#12 (.p12, .pfx)' },
    extensions: ['p12', 'pfx'],
    many: false,
  },
  verify: {
    title: { nb: 'Velg fil som skal verifiseres', en: 'Choose a file to verify' },
    filter: { nb: 'Signert PDF eller utvekslingsfil', en: 'Signed PDF or exchange file' },
    extensions: ['pdf', 'json'],
    many: false,
  },
  trust: {
    title: { nb: 'Velg sertifikater du stoler på', en: 'Choose certificates to trust' },
    filter: { nb: 'Sertifikater (.pem, .crt, .cer, .der)', en: 'Certificates (.pem, .crt, .cer, .der)' },
    extensions: ['pem', 'crt', 'cer', 'der'],
    many: true,
  },
  exchange: {
    title: { nb: 'Velg vurderingsfiler fra fagvurdererne', en: "Choose the assessors' exchange files" },
    filter: { nb: 'Utvekslingsfiler (.vurder.json)', en: 'Exchange files (.vurder.json)' },
    extensions: ['json'],
    many: true,
  },
};

const SAVE_DIALOGS: Record<SavePurpose, { title: Record<Language, string>; filter: FileFilter }> = {
  certificate: { title: { nb: 'Lagre sertifikatet', en: 'Save the certificate' }, filter: { name: 'PEM', extensions: ['pem'] } },
};

const CONFIRMATIONS: Record<ConfirmAction, Record<Language, { message: string; detail: string; yes: string; no: string }>> = {
  'identity-replace': {
    nb: {
      message: 'Erstatte signeringsidentiteten?',
      detail: 'Den lagrede identiteten og nøkkelen slettes. Dokumenter du har signert med den, kan fortsatt verifiseres med sertifikatet.',
      yes: 'Erstatt',
      no: 'Avbryt',
    },
    en: {
      message: 'Replace the signing identity?',
      detail: 'The stored identity and its key are deleted. Documents you signed with it can still be verified with its certificate.',
      yes: 'Replace',
      no: 'Cancel',
    },
  },
  'identity-remove': {
    nb: {
      message: 'Fjerne signeringsidentiteten?',
      detail: 'Nøkkelen slettes fra denne maskinen, og du kan ikke signere før du oppretter eller importerer en ny.',
      yes: 'Fjern',
      no: 'Avbryt',
    },
    en: {
      message: 'Remove the signing identity?',
      detail: 'The key is deleted from this machine, and you cannot sign until you create or import a new one.',
      yes: 'Remove',
      no: 'Cancel',
    },
  },
};

export function createNativeDialogs(window: () => BrowserWindow | null, language: () => Promise<Language>, platform: NodeJS.Platform): Dialogs {
  async function show(options: OpenDialogOptions): Promise<string[]> {
    const parent = window();
    const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
    return result.canceled ? [] : result.filePaths;
  }
  return {
    async chooseDirectory(purpose) {
      const lang = await language();
      const [path] = await show({ title: DIRECTORY_TITLES[purpose][lang], properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] });
      return path ?? null;
    },
    async choosePackages() {
      const lang = await language();
      // Windows and Linux cannot pick files and folders in one dialog: files here; folder packages are
      // dropped on the window (or chosen on macOS, where both work).
      return show({
        title: PACKAGE_TITLE[lang],
        properties: platform === 'darwin' ? ['openFile', 'openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
        filters: [{ name: PACKAGE_FILTER[lang], extensions: ['zip', 'csv', 'xlsx'] }],
      });
    },
    async chooseFiles(purpose) {
      const lang = await language();
      const spec = FILE_DIALOGS[purpose];
      return show({
        title: spec.title[lang],
        properties: spec.many ? ['openFile', 'multiSelections', 'dontAddToRecent'] : ['openFile', 'dontAddToRecent'],
        filters: [{ name: spec.filter[lang], extensions: spec.extensions }],
      });
    },
    async chooseSavePath(purpose, defaultName) {
      const lang = await language();
      const spec = SAVE_DIALOGS[purpose];
      const options = { title: spec.title[lang], defaultPath: defaultName, filters: [spec.filter], properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
      const parent = window();
      const result = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async confirm(action) {
      const text = CONFIRMATIONS[action][await language()];
      // "No" is the default and the cancel answer: Enter, Escape and closing the box all keep things as they are.
      const options = { type: 'warning' as const, title: 'Vurder', message: text.message, detail: text.detail, buttons: [text.yes, text.no], defaultId: 1, cancelId: 1, noLink: true };
      const parent = window();
      const result = parent === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(parent, options);
      return result.response === 0;
    },
  };
}
