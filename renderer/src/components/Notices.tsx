// Visible messages: every failed call ends here as one line naming the file and the problem.
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '@digdir/designsystemet-react';
import { useActions, useNotices } from '../store/hooks';

export function Notices() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { dismiss } = useActions('dismiss');
  return (
    <div className="notices" aria-live="assertive">
      {notices.map((notice) => (
        <Alert key={notice.id} data-color={notice.kind === 'error' ? 'danger' : notice.kind === 'success' ? 'success' : 'info'}>
          <span className="notice-text">{notice.text}</span>
          <Button variant="tertiary" data-size="sm" onClick={() => dismiss(notice.id)}>
            {t('app.dismiss')}
          </Button>
        </Alert>
      ))}
    </div>
  );
}
