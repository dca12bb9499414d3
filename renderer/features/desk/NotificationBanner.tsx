// Environment: browser. In the web host, browsers only grant notifications from a user gesture: this banner
// asks once (when permission is still "default" and the agent wants notifications). Electron needs no ask.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESK_BRIDGE_GLOBAL } from '../../../shared/desk-api.js';
import { browserNotificationsSupported } from '../../platform/desktop-notifications.js';
import { useDesk } from '../../store/use-desk.js';

export function NotificationBanner() {
  const { t } = useTranslation();
  const wanted = useDesk((state) => state.preferences.notifications);
  const [permission, setPermission] = useState(() =>
    browserNotificationsSupported() ? Notification.permission : 'unsupported',
  );
  const [dismissed, setDismissed] = useState(false);
  const electron = DESK_BRIDGE_GLOBAL in globalThis;
  if (electron || !wanted || dismissed || permission !== 'default') return null;

  const enable = async () => {
    setPermission(await Notification.requestPermission());
  };

  return (
    <div className="banner" role="region" aria-label={t('notifications.enable')}>
      <p>{t('notifications.bannerText')}</p>
      <button type="button" className="button button--primary" onClick={() => void enable()}>
        {t('notifications.enable')}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setDismissed(true)}>
        {t('notifications.notNow')}
      </button>
    </div>
  );
}
