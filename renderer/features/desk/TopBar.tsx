// Environment: browser. The bar above the panes: product, link state (always visible), who is signed in.
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { t } from '../../i18n/t.js';
import { useDesk } from '../../store/use-desk.js';

export function TopBar() {
  const account = useDesk((state) => state.session?.account);
  const signOut = useDesk((state) => state.signOut);
  return (
    <header className="top-bar">
      <span className="top-bar__brand">{t('app.title')}</span>
      <ConnectionStatus />
      <span className="top-bar__spacer" />
      {account && (
        <span className="top-bar__account" title={account.email}>
          {t('topBar.signedInAs', { name: account.name })}
        </span>
      )}
      <button type="button" className="button button--ghost" onClick={() => void signOut()}>
        {t('topBar.signOut')}
      </button>
    </header>
  );
}
