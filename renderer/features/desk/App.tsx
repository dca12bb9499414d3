// Environment: browser. Which screen: a skeleton until the first snapshot, sign-in without a session, else the desk.
import { SkeletonLines } from '../../components/Skeleton.js';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../store/use-desk.js';
import { SignInScreen } from '../sign-in/SignInScreen.js';
import { DeskScreen } from './DeskScreen.js';

export function App() {
  const { t } = useTranslation();
  const snapshotStatus = useDesk((state) => state.snapshotStatus);
  const snapshotError = useDesk((state) => state.snapshotError);
  const loadSnapshot = useDesk((state) => state.loadSnapshot);
  const signedIn = useDesk((state) => state.session !== null);

  if (snapshotStatus === 'loading') {
    return (
      <div className="app-loading" aria-busy="true" aria-label={t('app.loading')}>
        <SkeletonLines count={8} />
      </div>
    );
  }
  if (snapshotStatus === 'error') {
    return (
      <main className="sign-in">
        <div className="sign-in__card">
          <div role="alert" className="alert alert--error">
            <p>{t('app.snapshotFailed', { message: snapshotError ?? '' })}</p>
          </div>
          <button
            type="button"
            className="button button--primary button--wide"
            onClick={() => void loadSnapshot()}
          >
            {t('app.retry')}
          </button>
        </div>
      </main>
    );
  }
  return signedIn ? <DeskScreen /> : <SignInScreen />;
}
