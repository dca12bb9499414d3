// Environment: any. Weekdays in the settings' order (Monday first), matching weekdayName's index.
import type { Weekday } from '../../../shared/settings.js';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
