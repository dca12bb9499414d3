// Environment: browser. Settings → Segments (leads): every segment with its member count, live from the hub;
// the builder for a new one; delete for the ones leads defined (the seeds' built-ins stay).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../shared/segments.js';
import { useDesk } from '../../store/use-desk.js';
import { SegmentBuilder } from './SegmentBuilder.js';
import { segmentName } from './segment-names.js';

export function SegmentsSection() {
  const { t } = useTranslation();
  const segments = useDesk((state) => state.segments);
  const loadSegments = useDesk((state) => state.loadSegments);
  const deleteSegment = useDesk((state) => state.deleteSegment);
  const live = useDesk((state) => state.connection.status === 'online');
  const [building, setBuilding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Loaded when shown, and again when the connection comes back (counts move while offline).
  useEffect(() => {
    if (live) void loadSegments();
  }, [live, loadSegments]);

  const remove = async (segment: Segment) => {
    setError(null);
    const outcome = await deleteSegment(segment.id);
    if (!outcome.ok) setError(t('segments.deleteFailed', { message: outcome.message }));
  };

  return (
    <section className="settings__section" aria-labelledby="settings-segments">
      <div className="settings__heading-row">
        <h3 id="settings-segments">{t('segments.title')}</h3>
        <span className="settings__heading-actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={!live}
            onClick={() => void loadSegments()}
          >
            {t('segments.reload')}
          </button>
          {!building && (
            <button type="button" className="button" disabled={!live} onClick={() => setBuilding(true)}>
              {t('segments.new')}
            </button>
          )}
        </span>
      </div>
      <p className="settings__hint">{live ? t('segments.hint') : t('segments.offline')}</p>
      {building && <SegmentBuilder onDone={() => setBuilding(false)} />}
      {segments.state === 'error' && (
        <p role="alert" className="field__error">
          {t('segments.loadFailed', { message: segments.message })}
        </p>
      )}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      {segments.state === 'ready' && segments.segments.length === 0 && (
        <p className="settings__hint">{t('segments.empty')}</p>
      )}
      <table
        className="audit-table segments-table"
        aria-labelledby="settings-segments"
        aria-busy={segments.state === 'loading'}
      >
        <thead>
          <tr>
            <th scope="col">{t('segments.nameColumn')}</th>
            <th scope="col">{t('segments.membersColumn')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('segments.deleteShort')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {segments.state === 'ready' &&
            segments.segments.map((segment) => (
              <tr key={segment.id}>
                <th scope="row" className="segments-table__name">
                  {segmentName(segment)}
                  {segment.builtIn && <span className="chip chip--scope">{t('segments.builtInBadge')}</span>}
                </th>
                <td className="segments-table__count">
                  {t('segments.members', { count: segment.memberCount })}
                </td>
                <td className="segments-table__actions">
                  {!segment.builtIn && (
                    <button
                      type="button"
                      className="button button--ghost button--danger"
                      disabled={!live}
                      aria-label={t('segments.delete', { name: segmentName(segment) })}
                      onClick={() => void remove(segment)}
                    >
                      {t('segments.deleteShort')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
