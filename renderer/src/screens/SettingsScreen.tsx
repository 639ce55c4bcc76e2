// Settings: UI language and the assessor's name (stored by main; used on every assessment).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { nameSlug } from '../../../shared/text/slug';
import { useActions, useSettings } from '../store/hooks';
import { IdentitySection } from '../signing/IdentitySection';

/** A stable slug for file names, from the assessor's name (æøå transliterated). */
export function assessorIdOf(name: string): string {
  const slug = nameSlug(name);
  return slug === '' ? 'assessor' : slug;
}

/** Who assesses on this machine. Used in Settings and wherever an assessment needs a name first. */
export function AssessorForm() {
  const { t } = useTranslation();
  const settings = useSettings();
  const { updateSettings, notify } = useActions('updateSettings', 'notify');
  const [name, setName] = useState(settings?.assessor?.name ?? '');
  const [email, setEmail] = useState(settings?.assessor?.email ?? '');

  async function save(): Promise<void> {
    const trimmed = name.trim();
    await updateSettings({
      assessor: trimmed === '' ? null : { id: assessorIdOf(trimmed), name: trimmed, ...(email.trim() ? { email: email.trim() } : {}) },
    });
    notify('success', t('settings.saved'));
  }

  return (
    <section className="panel form-panel" aria-labelledby="assessor-heading">
      <Heading level={2} data-size="sm" id="assessor-heading">
        {t('settings.assessorHeading')}
      </Heading>
      <Paragraph>{t('settings.assessorHelp')}</Paragraph>
      <Textfield label={t('settings.assessorName')} value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" />
      <Textfield label={t('settings.assessorEmail')} type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="email" />
      <div className="button-row">
        <Button onClick={() => void save()}>{t('settings.save')}</Button>
      </div>
    </section>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useSettings();
  const { updateSettings } = useActions('updateSettings');

  return (
    <div className="screen settings-screen">
      <Heading level={1} data-size="md">
        {t('settings.heading')}
      </Heading>
      <fieldset className="radio-group">
        <legend>{t('settings.language')}</legend>
        {(['nb', 'en'] as const).map((language) => (
          <label key={language} className="radio">
            <input type="radio" name="language" checked={settings?.language === language} onChange={() => void updateSettings({ language })} />
            {t(`settings.languageName.${language}`)}
          </label>
        ))}
      </fieldset>
      <AssessorForm />
      <IdentitySection />
    </div>
  );
}
