// Environment: browser. This machine's preferences: language (System / English / Svenska), desktop
// notifications, sound. They apply at once.
import { useTranslation } from 'react-i18next';
import { DESK_BRIDGE_GLOBAL, type Preferences } from '../../../shared/desk-api.js';
import { browserNotificationsSupported } from '../../platform/desktop-notifications.js';
import { useDesk } from '../../store/use-desk.js';

export function PreferencesSection() {
  const { t } = useTranslation();
  const preferences = useDesk((state) => state.preferences);
  const setPreferences = useDesk((state) => state.setPreferences);
  const error = useDesk((state) => state.preferencesError);
  const blocked =
    !(DESK_BRIDGE_GLOBAL in globalThis) &&
    browserNotificationsSupported() &&
    Notification.permission === 'denied' &&
    preferences.notifications;

  return (
    <section className="settings__section" aria-labelledby="settings-preferences">
      <h3 id="settings-preferences">{t('settings.preferences')}</h3>
      <p className="settings__hint">{t('settings.preferencesHint')}</p>
      <label className="field field--row">
        <span className="field__label">{t('settings.language')}</span>
        <select
          value={preferences.language}
          onChange={(event) =>
            void setPreferences({ language: event.target.value as Preferences['language'] })
          }
        >
          <option value="system">{t('settings.language.system')}</option>
          <option value="en" lang="en">
            {t('settings.language.en')}
          </option>
          <option value="sv" lang="sv">
            {t('settings.language.sv')}
          </option>
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={preferences.notifications}
          onChange={(event) => {
            const on = event.target.checked;
            void setPreferences({ notifications: on });
            // Turning them on is a user gesture: the moment to ask the browser, if it has not been asked.
            if (on && !(DESK_BRIDGE_GLOBAL in globalThis) && browserNotificationsSupported()) {
              if (Notification.permission === 'default') void Notification.requestPermission();
            }
          }}
        />
        <span>{t('settings.notifications')}</span>
      </label>
      {blocked && <p className="field__hint field__hint--warning">{t('notifications.blocked')}</p>}
      <label className="check">
        <input
          type="checkbox"
          checked={preferences.sound}
          onChange={(event) => void setPreferences({ sound: event.target.checked })}
        />
        <span>{t('settings.sound')}</span>
      </label>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </section>
  );
}
