// Environment: any. What the desk core asks its host to show as a desktop notification, and its words.
import { z } from 'zod';

export const notificationKindSchema = z.enum([
  'new_handoff', // a handoff arrived in the queue
  'new_message', // the shopper wrote in one of my conversations
  'mention', // someone @mentioned me in a note
  'transfer', // a conversation was transferred to me
  'assigned', // a queued conversation was given to me (auto-assign, or a lead from the queue)
  'reminder', // a handoff still waits unclaimed past the reminder threshold
  'sla_breached', // leads: a conversation passed its first-response target without a reply
]);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const deskNotificationSchema = z.object({
  /** Unique per notification; a host shows each id once. */
  id: z.string(),
  kind: notificationKindSchema,
  conversationId: z.string(),
  /** Who the conversation is with (name, else email, else phone). */
  shopper: z.string(),
  /** For mention and transfer: who did it. */
  actor: z.string().nullable(),
  /** The message or note text, shortened; for reminder and sla_breached the minutes waited as a string. */
  preview: z.string().nullable(),
});
export type DeskNotification = z.infer<typeof deskNotificationSchema>;

export const uiLanguageSchema = z.enum(['en', 'sv']);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;

const words: Record<
  UiLanguage,
  Record<NotificationKind, (n: DeskNotification) => { title: string; body: string }>
> = {
  en: {
    new_handoff: (n) => ({ title: `New handoff: ${n.shopper}`, body: n.preview ?? 'Waiting in the queue' }),
    new_message: (n) => ({ title: `${n.shopper} wrote`, body: n.preview ?? '' }),
    mention: (n) => ({ title: `${n.actor ?? 'Someone'} mentioned you`, body: n.preview ?? n.shopper }),
    transfer: (n) => ({
      title: `${n.actor ?? 'Someone'} transferred ${n.shopper} to you`,
      body: n.preview ?? '',
    }),
    assigned: (n) => ({ title: `Assigned to you: ${n.shopper}`, body: n.preview ?? 'From the queue' }),
    reminder: (n) => ({
      title: `${n.shopper} is still waiting`,
      body: `Unclaimed for ${n.preview ?? '?'} min`,
    }),
    sla_breached: (n) => ({
      title: `Past the response target: ${n.shopper}`,
      body: n.preview ? `No reply for ${n.preview} min` : 'No reply yet',
    }),
  },
  sv: {
    new_handoff: (n) => ({ title: `Ny överlämning: ${n.shopper}`, body: n.preview ?? 'Väntar i kön' }),
    new_message: (n) => ({ title: `${n.shopper} skrev`, body: n.preview ?? '' }),
    mention: (n) => ({ title: `${n.actor ?? 'Någon'} nämnde dig`, body: n.preview ?? n.shopper }),
    transfer: (n) => ({
      title: `${n.actor ?? 'Någon'} flyttade ${n.shopper} till dig`,
      body: n.preview ?? '',
    }),
    assigned: (n) => ({ title: `Tilldelad dig: ${n.shopper}`, body: n.preview ?? 'Från kön' }),
    reminder: (n) => ({
      title: `${n.shopper} väntar fortfarande`,
      body: `Oplockad i ${n.preview ?? '?'} min`,
    }),
    sla_breached: (n) => ({
      title: `Över svarsmålet: ${n.shopper}`,
      body: n.preview ? `Inget svar på ${n.preview} min` : 'Inget svar ännu',
    }),
  },
};

export function notificationText(notification: DeskNotification, language: UiLanguage) {
  return words[language][notification.kind](notification);
}

/** `sv` for Swedish locales (sv, sv-SE, sv-FI), otherwise English. */
export function languageFromLocale(locale: string | undefined): UiLanguage {
  return locale?.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
