// Environment: browser. The console's link state, always on screen: the local desk core first (without it
// nothing works), then the desk core's link to the hub with the last error in words.
import { useTranslation } from 'react-i18next';
import { useDesk } from '../store/use-desk.js';

type Tone = 'ok' | 'busy' | 'down' | 'idle' | 'review';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const bridgeLink = useDesk((state) => state.bridgeLink);
  const status = useDesk((state) => state.connection.status);
  const lastError = useDesk((state) => state.connection.lastError);

  let tone: Tone;
  let label: string;
  if (bridgeLink !== 'open') {
    tone = bridgeLink === 'connecting' ? 'busy' : 'down';
    label = bridgeLink === 'connecting' ? t('connection.bridgeConnecting') : t('connection.bridgeDown');
  } else if (status === 'online') {
    tone = 'ok';
    label = t('connection.online');
  } else if (status === 'connecting') {
    tone = 'busy';
    label = t('connection.connecting');
  } else if (status === 'offline_review') {
    tone = 'review';
    label = t('connection.offlineReview');
  } else if (status === 'reconnecting') {
    tone = 'down';
    label = t('connection.reconnecting');
  } else {
    tone = 'idle';
    label = t('connection.signedOut');
  }
  const detail =
    bridgeLink === 'open' && status !== 'online' && lastError
      ? t('connection.lastError', { error: lastError })
      : null;

  return (
    <div
      role="status"
      className={`connection connection--${tone}`}
      data-connection={bridgeLink === 'open' ? status : `bridge_${bridgeLink}`}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{label}</span>
      {detail && (
        <span className="connection__detail" title={detail}>
          {detail}
        </span>
      )}
    </div>
  );
}
