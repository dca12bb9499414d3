// Environment: browser. A segment's name as the console shows it: the seeds' built-ins in the UI language (by
// their fixed id), a lead's segment exactly as the lead named it.
import type { MessageKey } from '../../i18n/en.js';
import { t } from '../../i18n/t.js';

const BUILT_IN_NAMES: Readonly<Record<string, MessageKey>> = {
  'recommended-no-order': 'segments.builtIn.recommended-no-order',
  'recently-escalated': 'segments.builtIn.recently-escalated',
  'resolved-and-ordered': 'segments.builtIn.resolved-and-ordered',
};

export function segmentName(segment: { id: string; name: string }): string {
  const key = Object.hasOwn(BUILT_IN_NAMES, segment.id) ? BUILT_IN_NAMES[segment.id] : undefined;
  return key ? t(key) : segment.name;
}
