// Environment: browser. Who else is in a conversation right now: teammates viewing or typing, and the web chat
// shopper typing. In a queue row as a compact line; in the conversation header as a live status line.
import { useTranslation } from 'react-i18next';
import type { ConversationActivity, Roster } from '../../../shared/team.js';
import { useDesk } from '../../store/use-desk.js';

export interface ActivityLine {
  key: string;
  kind: 'viewing' | 'watching' | 'typing' | 'typingNote' | 'shopperTyping';
  name: string;
}

const quiet = (kind: ActivityLine['kind']) => kind === 'viewing' || kind === 'watching';

/**
 * The lines to show for others (never myself): typing before viewing, the shopper last. A lead (by the
 * roster) looking at a conversation that is not theirs is watching it, and everyone sees that.
 */
export function othersActivityLines(
  activity: ConversationActivity | undefined,
  myId: string | null,
  roster: Roster = [],
  assigneeId: string | null = null,
): ActivityLine[] {
  if (!activity) return [];
  const leads = new Set(roster.filter((member) => member.role === 'lead').map((member) => member.id));
  const others = activity.viewers.filter((viewer) => viewer.agent.id !== myId);
  const lines: ActivityLine[] = others
    .map((viewer): ActivityLine => ({
      key: viewer.agent.id,
      kind:
        viewer.typing === 'reply'
          ? 'typing'
          : viewer.typing === 'note'
            ? 'typingNote'
            : leads.has(viewer.agent.id) && viewer.agent.id !== assigneeId
              ? 'watching'
              : 'viewing',
      name: viewer.agent.name,
    }))
    .sort((a, b) => Number(quiet(a.kind)) - Number(quiet(b.kind)) || a.name.localeCompare(b.name));
  if (activity.shopperTyping) lines.push({ key: 'shopper', kind: 'shopperTyping', name: '' });
  return lines;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function OthersActivity({
  conversationId,
  variant,
}: {
  conversationId: string;
  variant: 'row' | 'header';
}) {
  const { t } = useTranslation();
  const activity = useDesk((state) => state.activityByConversation[conversationId]);
  const myId = useDesk((state) => state.session?.account.id ?? null);
  const roster = useDesk((state) => state.roster);
  const assigneeId = useDesk((state) => state.conversationsById[conversationId]?.assignee?.id ?? null);
  const lines = othersActivityLines(activity, myId, roster, assigneeId);

  if (variant === 'row') {
    if (lines.length === 0) return null;
    return (
      <span className="queue-row__activity">
        {lines.map((line) => (
          <span key={line.key} className={`activity activity--${line.kind}`}>
            {line.kind === 'shopperTyping'
              ? t('queue.shopperTyping')
              : line.kind === 'viewing'
                ? t('queue.viewing', { name: firstName(line.name) })
                : line.kind === 'watching'
                  ? t('queue.watching', { name: firstName(line.name) })
                  : t('queue.typing', { name: firstName(line.name) })}
          </span>
        ))}
      </span>
    );
  }
  return (
    <div role="status" className="collision" aria-live="polite">
      {lines.map((line) => (
        <span key={line.key} className={`activity activity--${line.kind}`}>
          <span className="activity__dot" aria-hidden="true" />
          {line.kind === 'shopperTyping'
            ? t('collision.shopperTyping')
            : line.kind === 'viewing'
              ? t('collision.viewing', { name: line.name })
              : line.kind === 'watching'
                ? t('collision.watching', { name: line.name })
                : line.kind === 'typingNote'
                  ? t('collision.typingNote', { name: line.name })
                  : t('collision.typing', { name: line.name })}
        </span>
      ))}
    </div>
  );
}
