// Environment: browser. The bar above the panes: product, link state (always visible) and catch-up progress,
// the command palette, refused actions, the agent's presence, shortcuts help, settings, who is signed in.
import { useTranslation } from 'react-i18next';
import type { ChosenPresence } from '../../../shared/team.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { CatchUpProgress } from '../offline/CatchUpProgress.js';
import { NotAppliedCount } from '../offline/NotAppliedCount.js';
import { useDesk } from '../../store/use-desk.js';

export function TopBar() {
  const { t } = useTranslation();
  const account = useDesk((state) => state.session?.account);
  const openDialog = useDesk((state) => state.openDialog);
  const setPresence = useDesk((state) => state.setPresence);
  const presenceError = useDesk((state) => state.presenceError);
  const chosen = useDesk(
    (state) =>
      state.presencePending ??
      state.roster.find((member) => member.id === state.session?.account.id)?.chosenPresence ??
      'online',
  );
  const live = useDesk((state) => state.connection.status === 'online');
  const view = useDesk((state) => state.view);
  const setView = useDesk((state) => state.setView);

  return (
    <header className="top-bar">
      <span className="top-bar__brand">{t('app.title')}</span>
      <ConnectionStatus />
      <CatchUpProgress />
      <button
        type="button"
        className="top-bar__search"
        onClick={() => openDialog({ kind: 'palette' })}
        aria-keyshortcuts="Control+K Meta+K"
        title={t('topBar.palette')}
      >
        <span>{t('topBar.paletteShort')}</span>
        <kbd>Ctrl K</kbd>
      </button>
      {account?.role === 'lead' && (
        // A toggle: pressed while the monitor is shown; pressed again goes back to the desk.
        <button
          type="button"
          className="button button--ghost top-bar__monitor"
          aria-pressed={view === 'monitor'}
          aria-keyshortcuts="g q"
          onClick={() => setView(view === 'monitor' ? 'desk' : 'monitor')}
        >
          {t('topBar.monitor')}
        </button>
      )}
      <span className="top-bar__spacer" />
      <NotAppliedCount />
      {presenceError && (
        <span role="alert" className="top-bar__error">
          {presenceError}
        </span>
      )}
      <span className={`presence-select presence-select--${chosen}`}>
        <span className="presence-select__dot" aria-hidden="true" />
        <select
          aria-label={t('topBar.presence')}
          value={chosen}
          disabled={!live}
          onChange={(event) => void setPresence(event.target.value as ChosenPresence)}
        >
          <option value="online">{t('presence.online')}</option>
          <option value="away">{t('presence.away')}</option>
        </select>
      </span>
      <button
        type="button"
        className="button button--ghost button--icon"
        onClick={() => openDialog({ kind: 'shortcuts' })}
        aria-keyshortcuts="?"
        title={t('topBar.shortcuts')}
      >
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">{t('topBar.shortcuts')}</span>
      </button>
      <button type="button" className="button button--ghost" onClick={() => openDialog({ kind: 'settings' })}>
        {t('topBar.settings')}
      </button>
      {account && (
        <span className="top-bar__account" title={account.email}>
          {t('topBar.signedInAs', { name: account.name })}
        </span>
      )}
      <button type="button" className="button button--ghost" onClick={() => openDialog({ kind: 'signOut' })}>
        {t('topBar.signOut')}
      </button>
    </header>
  );
}
