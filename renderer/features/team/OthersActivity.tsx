// Environment: browser. Who else is in a conversation right now: teammates viewing or typing, and the web chat
// shopper typing. In a queue row as a compact line; in the conversation header as a live status line.
import { useTranslation } from 'react-i18next';
import type { ConversationActivity } from '../../../shared/team.js';
import { useDesk } from '../../store/use-desk.js';

export interface ActivityLine {
  key: string;
  kind: 'viewing' | 'typing' | 'typingNote' | 'shopperTyping';
  name: string;
}

/** The lines to show for others (never myself): typing before viewing, the shopper last. */
export function othersActivityLines(
  activity: ConversationActivity | undefined,
  myId: string | null,
): ActivityLine[] {
  if (!activity) return [];
  const others = activity.viewers.filter((viewer) => viewer.agent.id !== myId);
  const lines: ActivityLine[] = others
    .map((viewer): ActivityLine => ({
      key: viewer.agent.id,
      kind: viewer.typing === 'reply' ? 'typing' : viewer.typing === 'note' ? 'typingNote' : 'viewing',
      name: viewer.agent.name,
    }))
    .sort(
      (a, b) => Number(a.kind === 'viewing') - Number(b.kind === 'viewing') || a.name.localeCompare(b.name),
    );
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
  const lines = othersActivityLines(activity, myId);

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
              : line.kind === 'typingNote'
                ? t('collision.typingNote', { name: line.name })
                : t('collision.typing', { name: line.name })}
        </span>
      ))}
    </div>
  );
}
