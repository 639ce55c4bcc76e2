// Native open dialogs behind the Dialogs port. Titles follow the UI language.
import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import type { Language } from '../../shared/i18n/localized';
import type { Dialogs, DirectoryPurpose } from '../services/backend/ports';

const DIRECTORY_TITLES: Record<DirectoryPurpose, Record<Language, string>> = {
  'create-workspace': { nb: 'Velg en tom mappe for den nye arbeidsmappen', en: 'Choose an empty folder for the new workspace' },
  'open-workspace': { nb: 'Åpne arbeidsmappe', en: 'Open workspace' },
  demo: { nb: 'Velg en tom mappe for demorunden', en: 'Choose an empty folder for the demo round' },
  export: { nb: 'Velg mappe for eksport', en: 'Choose a folder for the export' },
};

const PACKAGE_TITLE: Record<Language, string> = { nb: 'Importer søknader', en: 'Import applications' };
const PACKAGE_FILTER: Record<Language, string> = {
  nb: 'Søknadspakker og sakslister (.zip, .csv, .xlsx)',
  en: 'Application packages and case lists (.zip, .csv, .xlsx)',
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
  };
}
