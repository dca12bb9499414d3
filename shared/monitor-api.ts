// Environment: any. The lead's monitor over HTTP, for tools (the console itself uses the /desk requests
// `monitor:get` and `monitor:export` and the `monitor` push, shared/desk-protocol.ts).
//
// Both routes take the console session's token, `Authorization: Bearer <session token>` from POST /sessions
// (not an integration token). 401 `unauthorized` without one, or when it is unknown or expired; 403 `forbidden`
// for an account whose role is not lead. Error bodies are apiErrorSchema (shared/handoff-api.ts).
import { API_PREFIX } from './handoff-api.js';
import { monitorExportArgsSchema } from './monitor.js';

/** GET — 200 with the figures now, a monitorSnapshotSchema body (shared/monitor.ts). */
export const MONITOR_PATH = `${API_PREFIX}/monitor`;

/**
 * GET ?from=<ISO date-time>&to=<ISO date-time> — 200 `text/csv; charset=utf-8`, served as an attachment named
 * `conversations-<first day>-to-<last day>.csv` (the days in the office-hours time zone; `to` is exclusive).
 * Header row MONITOR_CSV_COLUMNS, then one row per conversation handed off in [from, to), oldest first. Cells
 * that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) get a leading `'`.
 * 400 `invalid_request` naming each bad or missing parameter (at most 366 days; to after from).
 */
export const MONITOR_CSV_PATH = `${API_PREFIX}/monitor/conversations.csv`;
export const monitorCsvQuerySchema = monitorExportArgsSchema;
