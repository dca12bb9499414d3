// Environment: browser. A failed live call in the agent's language: the desk core's known codes get our own
// words (its messages are English); anything else keeps the hub's message, which names the specifics.
import type { DeskError } from '../../shared/desk-api.js';
import { t } from '../i18n/t.js';

export function describeDeskError(error: Pick<DeskError, 'code' | 'message'>): string {
  switch (error.code) {
    case 'offline':
      return t('errors.offline');
    case 'timeout':
      return t('errors.timeout');
    case 'forbidden':
      return t('errors.forbidden');
    case 'not_signed_in':
    case 'unauthorized':
      return t('errors.notSignedIn');
    default:
      return error.message;
  }
}
