// Environment: browser. Export the conversations handed off in a period (whole days, From and To included)
// with their outcomes, as a CSV file from the hub. The last 7 days unless the lead picks others.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../platform/download-file.js';
import { defaultExportDates, MAX_EXPORT_DAYS } from '../../store/export-period.js';
import { useDesk } from '../../store/use-desk.js';

export function ExportCsvForm() {
  const { t } = useTranslation();
  const [dates, setDates] = useState(() => defaultExportDates(new Date()));
  const csvExport = useDesk((state) => state.csvExport);
  const exportCsv = useDesk((state) => state.exportConversationsCsv);
  const live = useDesk((state) => state.connection.status === 'online');
  const working = csvExport.state === 'working';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = await exportCsv(dates.from, dates.to);
    if (file) downloadFile(file);
  };

  const problem =
    csvExport.state === 'invalid'
      ? csvExport.problem === 'order'
        ? t('monitor.export.order')
        : csvExport.problem === 'tooLong'
          ? t('monitor.export.tooLong', { days: String(MAX_EXPORT_DAYS) })
          : t('monitor.export.missing')
      : csvExport.state === 'failed'
        ? t('monitor.export.failed', { message: csvExport.message })
        : null;

  return (
    <form className="csv-export" onSubmit={onSubmit} noValidate>
      <label className="field csv-export__field">
        <span className="field__label">{t('monitor.export.from')}</span>
        <input
          type="date"
          value={dates.from}
          max={dates.to || undefined}
          onChange={(event) => setDates((current) => ({ ...current, from: event.target.value }))}
        />
      </label>
      <label className="field csv-export__field">
        <span className="field__label">{t('monitor.export.to')}</span>
        <input
          type="date"
          value={dates.to}
          min={dates.from || undefined}
          onChange={(event) => setDates((current) => ({ ...current, to: event.target.value }))}
        />
      </label>
      <button type="submit" className="button" disabled={working || !live} aria-busy={working}>
        {working ? t('monitor.export.working') : t('monitor.export.submit')}
      </button>
      {problem && (
        <p role="alert" className="csv-export__error">
          {problem}
        </p>
      )}
    </form>
  );
}
