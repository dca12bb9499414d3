// Environment: any. Canned replies (macros): shared by the team or personal, inserted by typing `/` in the composer.
import { z } from 'zod';
import { clientIdSchema, isoDateTimeSchema, type AgentRef, type Shopper } from './domain.js';

export const cannedReplyScopeSchema = z.enum(['shared', 'personal']);

export const cannedReplySchema = z.object({
  id: z.string(),
  /** shared: the whole team sees it, leads edit it; personal: only its owner. */
  scope: cannedReplyScopeSchema,
  ownerId: z.string().nullable(),
  /** Typed after `/` to find it, e.g. `returns`. */
  shortcut: z.string(),
  title: z.string(),
  body: z.string(),
  updatedAt: isoDateTimeSchema,
});
export type CannedReply = z.infer<typeof cannedReplySchema>;

export const cannedReplySaveSchema = z.strictObject({
  /** A new client-generated id creates one; an existing id updates it. */
  id: clientIdSchema,
  scope: cannedReplyScopeSchema,
  shortcut: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, _ and - only'),
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(5000),
});
export type CannedReplySave = z.infer<typeof cannedReplySaveSchema>;

/** The variables a canned reply may use, e.g. `Hi {{shopper.first_name}}, this is {{agent.name}}.` */
export const CANNED_REPLY_VARIABLES = [
  'shopper.first_name',
  'shopper.name',
  'shopper.email',
  'agent.name',
  'agent.first_name',
] as const;

/** Fills in the variables; an unknown variable or a missing value becomes an empty string. */
export function renderCannedReply(body: string, context: { shopper: Shopper; agent: AgentRef }): string {
  const firstName = (name: string | undefined) => name?.trim().split(/\s+/)[0] ?? '';
  const values: Record<string, string> = {
    'shopper.first_name': firstName(context.shopper.name),
    'shopper.name': context.shopper.name ?? '',
    'shopper.email': context.shopper.email ?? '',
    'agent.name': context.agent.name,
    'agent.first_name': firstName(context.agent.name),
  };
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) => values[key] ?? '');
}
