// Environment: browser. The lead's monitor as the hub last pushed it, and exporting a period's conversations as
// CSV. `monitor` is null whenever the figures are not live (not a lead, offline, not pushed yet): the monitor
// then says so and shows no numbers, never stale ones.
import type { DeskApi } from '../../shared/desk-api.js';
import type { MonitorSnapshot } from '../../shared/monitor.js';
import type { DownloadableFile } from '../platform/download-file.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';
import { exportPeriod, type CalendarDate, type ExportPeriodProblem } from './export-period.js';

export type CsvExportState =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'invalid'; problem: ExportPeriodProblem }
  | { state: 'failed'; message: string };

/** Connection states in which the figures cannot be live (the desk core says so too; this makes sure). */
export const MONITOR_LOST_STATUSES: ReadonlySet<string> = new Set([
  'reconnecting',
  'offline_review',
  'signed_out',
]);

export interface MonitorSlice {
  monitor: MonitorSnapshot | null;
  csvExport: CsvExportState;
  applyMonitor(monitor: MonitorSnapshot | null): void;
  /** The file to save, or null (why is in `csvExport`). */
  exportConversationsCsv(fromDate: CalendarDate, toDate: CalendarDate): Promise<DownloadableFile | null>;
}

export const createMonitorSlice =
  (api: DeskApi): DeskSliceCreator<MonitorSlice> =>
  (set, get) => ({
    monitor: null,
    csvExport: { state: 'idle' },

    applyMonitor(monitor) {
      const known = get().monitor;
      // A push computed before the one on screen (a late snapshot) must not replace newer figures.
      if (monitor && known && Date.parse(monitor.computedAt) < Date.parse(known.computedAt)) return;
      // Figures only for a lead; the desk core sends null when the connection is lost.
      set({ monitor: get().session?.account.role === 'lead' ? monitor : null });
    },

    async exportConversationsCsv(fromDate, toDate) {
      if (get().csvExport.state === 'working') return null;
      const period = exportPeriod(fromDate, toDate);
      if (!period.ok) {
        set({ csvExport: { state: 'invalid', problem: period.problem } });
        return null;
      }
      set({ csvExport: { state: 'working' } });
      try {
        const result = await api.exportConversationsCsv({ from: period.from, to: period.to });
        if (!result.ok) {
          set({ csvExport: { state: 'failed', message: describeDeskError(result.error) } });
          return null;
        }
        set({ csvExport: { state: 'idle' } });
        return { ...result.value, fileName: period.fileName };
      } catch (error) {
        set({ csvExport: { state: 'failed', message: describeFailure(error) } });
        return null;
      }
    },
  });
