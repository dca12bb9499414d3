// Environment: browser. The settings audit log (leads): who changed which setting, from what to what, when.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAbsolute } from '../../i18n/format.js';
import { useDesk } from '../../store/use-desk.js';
import { auditFieldName, auditValue } from './audit-values.js';

export function AuditLog() {
  const { t } = useTranslation();
  const audit = useDesk((state) => state.audit);
  const loadAudit = useDesk((state) => state.loadAudit);
  useEffect(() => {
    void loadAudit();
  }, [loadAudit]);

  return (
    <section className="settings__section" aria-labelledby="settings-audit">
      <div className="settings__heading-row">
        <h3 id="settings-audit">{t('audit.title')}</h3>
        <button type="button" className="button button--ghost" onClick={() => void loadAudit()}>
          {t('audit.refresh')}
        </button>
      </div>
      {audit.state === 'error' && (
        <p role="alert" className="field__error">
          {t('audit.failed', { message: audit.message })}
        </p>
      )}
      {audit.state === 'ready' && audit.entries.length === 0 && (
        <p className="settings__hint">{t('audit.empty')}</p>
      )}
      <table className="audit-table" aria-labelledby="settings-audit" aria-busy={audit.state === 'loading'}>
        <thead>
          <tr>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.change')}</th>
            <th scope="col">{t('audit.when')}</th>
          </tr>
        </thead>
        <tbody>
          {audit.state === 'ready' &&
            audit.entries.flatMap((entry) =>
              entry.changes.map((change) => (
                <tr key={`${entry.id}-${change.field}`}>
                  <td title={entry.actor.email}>{entry.actor.name}</td>
                  <td>{auditFieldName(change.field)}</td>
                  <td className="audit-table__change">
                    <span className="audit-table__from">{auditValue(change.field, change.from)}</span>
                    <span aria-hidden="true"> → </span>
                    <span className="audit-table__to">{auditValue(change.field, change.to)}</span>
                  </td>
                  <td>
                    <time dateTime={entry.at}>{formatAbsolute(entry.at)}</time>
                  </td>
                </tr>
              )),
            )}
        </tbody>
      </table>
    </section>
  );
}
