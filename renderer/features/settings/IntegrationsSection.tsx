// Environment: browser. Settings → Integrations (leads, read-only): forwarding to a Klaviyo-compatible endpoint
// (on/off, where to, how far behind, last delivery, last error, events given up on) and the webhook
// subscriptions with the same figures. Configured on the hub; here the lead sees whether it works.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboundError } from '../../../shared/outbound.js';
import { formatAbsolute } from '../../i18n/format.js';
import { useDesk } from '../../store/use-desk.js';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Time({ iso, fallback }: { iso: string | null; fallback: string }) {
  return iso ? <time dateTime={iso}>{formatAbsolute(iso)}</time> : <>{fallback}</>;
}

function Lag({ events }: { events: number }) {
  const { t } = useTranslation();
  return <>{events === 0 ? t('integrations.upToDate') : t('integrations.lagValue', { count: events })}</>;
}

function LastError({ error }: { error: OutboundError | null }) {
  const { t } = useTranslation();
  if (!error) return <>{t('integrations.noError')}</>;
  return (
    <span className="integrations__error">
      <span>{error.status === null ? t('integrations.noAnswer') : `HTTP ${error.status}`}</span>
      {': '}
      <span>{error.message}</span> (<time dateTime={error.at}>{formatAbsolute(error.at)}</time>)
    </span>
  );
}

export function IntegrationsSection() {
  const { t } = useTranslation();
  const integrations = useDesk((state) => state.integrations);
  const loadIntegrations = useDesk((state) => state.loadIntegrations);
  const live = useDesk((state) => state.connection.status === 'online');

  useEffect(() => {
    if (live) void loadIntegrations();
  }, [live, loadIntegrations]);

  return (
    <section
      className="settings__section"
      aria-labelledby="settings-integrations"
      aria-busy={integrations.state === 'loading'}
    >
      <div className="settings__heading-row">
        <h3 id="settings-integrations">{t('integrations.title')}</h3>
        <button
          type="button"
          className="button button--ghost"
          disabled={!live}
          onClick={() => void loadIntegrations()}
        >
          {t('integrations.refresh')}
        </button>
      </div>
      <p className="settings__hint">{t('integrations.hint')}</p>
      {integrations.state === 'error' && (
        <p role="alert" className="field__error">
          {t('integrations.loadFailed', { message: integrations.message })}
        </p>
      )}
      {integrations.state === 'ready' && (
        <>
          <h4 id="integrations-forwarding" className="settings__subheading">
            {t('integrations.forwarding')}
          </h4>
          <dl className="facts integrations__facts" aria-labelledby="integrations-forwarding">
            <Row label={t('integrations.status')}>
              {integrations.forwarding.enabled ? t('integrations.on') : t('integrations.off')}
            </Row>
            {integrations.forwarding.url === null ? (
              <Row label={t('integrations.url')}>{t('integrations.notConfigured')}</Row>
            ) : (
              <>
                <Row label={t('integrations.url')}>
                  <span className="facts__mono">{integrations.forwarding.url}</span>
                </Row>
                <Row label={t('integrations.metrics')}>{integrations.forwarding.metrics.join(', ')}</Row>
                <Row label={t('integrations.lag')}>
                  <Lag events={integrations.forwarding.lagEvents} />
                </Row>
                <Row label={t('integrations.lastDelivered')}>
                  <Time iso={integrations.forwarding.lastDeliveredAt} fallback={t('integrations.never')} />
                </Row>
                <Row label={t('integrations.lastError')}>
                  <LastError error={integrations.forwarding.lastError} />
                </Row>
                {integrations.forwarding.nextAttemptAt && (
                  <Row label={t('integrations.nextAttempt')}>
                    <Time iso={integrations.forwarding.nextAttemptAt} fallback="" />
                  </Row>
                )}
                <Row label={t('integrations.failedEvents')}>
                  {t('integrations.failedEventsValue', { count: integrations.forwarding.failedEventCount })}
                  {integrations.forwarding.failedEvents.length > 0 && (
                    <ul className="integrations__failed">
                      {integrations.forwarding.failedEvents.slice(0, 10).map((failed) => (
                        <li key={failed.eventId}>
                          <span className="facts__mono">{failed.metric}</span> · {failed.error} ·{' '}
                          <time dateTime={failed.failedAt}>{formatAbsolute(failed.failedAt)}</time>
                        </li>
                      ))}
                    </ul>
                  )}
                </Row>
              </>
            )}
          </dl>
          <h4 id="integrations-webhooks" className="settings__subheading">
            {t('integrations.webhooks')}
          </h4>
          {integrations.webhooks.length === 0 ? (
            <p className="settings__hint">{t('integrations.noWebhooks')}</p>
          ) : (
            <table className="audit-table" aria-labelledby="integrations-webhooks">
              <thead>
                <tr>
                  <th scope="col">{t('integrations.webhookUrl')}</th>
                  <th scope="col">{t('integrations.metrics')}</th>
                  <th scope="col">{t('integrations.lag')}</th>
                  <th scope="col">{t('integrations.lastError')}</th>
                </tr>
              </thead>
              <tbody>
                {integrations.webhooks.map((webhook) => (
                  <tr key={webhook.id}>
                    <td className="facts__mono">{webhook.url}</td>
                    <td>{webhook.metrics.join(', ')}</td>
                    <td>
                      <Lag events={webhook.lagEvents} />
                    </td>
                    <td>
                      <LastError error={webhook.lastError} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
