// Environment: browser. Conversations near or past their first-response target, most urgent first, with what
// a lead does about them: open it (watching, read-only), reassign it, or put it back in the queue.
import { useTranslation } from 'react-i18next';
import type { SlaConversation } from '../../../shared/monitor.js';
import { useNow } from '../../components/use-now.js';
import { formatAbsolute } from '../../i18n/format.js';
import { useDesk } from '../../store/use-desk.js';
import { channelName } from '../conversation/display-names.js';
import { formatFigureDuration } from './monitor-format.js';

/** "Due in 40 s" / "Over by 2 min 10 s", counting live. */
function DueIn({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const leftSeconds = (Date.parse(dueAt) - now) / 1000;
  return (
    <time dateTime={dueAt} title={formatAbsolute(dueAt)} className="sla-item__due">
      {leftSeconds > 0
        ? t('monitor.sla.dueIn', { duration: formatFigureDuration(leftSeconds) })
        : t('monitor.sla.overBy', { duration: formatFigureDuration(-leftSeconds) })}
    </time>
  );
}

function SlaItem({ item, live }: { item: SlaConversation; live: boolean }) {
  const { t } = useTranslation();
  const watchConversation = useDesk((state) => state.watchConversation);
  const openDialog = useDesk((state) => state.openDialog);
  const transfer = useDesk((state) => state.transfer);
  const moving = useDesk((state) => state.actionsByConversation[item.conversationId]?.moving ?? false);
  const error = useDesk((state) => state.actionsByConversation[item.conversationId]?.error ?? null);
  // The console's own copy may be newer than the hub's last push (e.g. already put back).
  const assignee = useDesk(
    (state) => state.conversationsById[item.conversationId]?.assignee ?? item.assignee,
  );
  return (
    <li className={`sla-item sla-item--${item.state}`} data-conversation-id={item.conversationId}>
      <div className="sla-item__who">
        <span className="sla-item__shopper">{item.shopper}</span>
        <span className={`chip chip--channel chip--${item.channel}`}>{channelName(item.channel)}</span>
        <span className={`chip chip--sla chip--sla-${item.state}`}>
          {item.state === 'near' ? t('sla.near') : t('sla.breached')}
        </span>
      </div>
      <div className="sla-item__meta">
        <DueIn dueAt={item.dueAt} />
        <span>{assignee ? t('monitor.sla.with', { name: assignee.name }) : t('monitor.sla.unclaimed')}</span>
      </div>
      <div className="sla-item__actions">
        <button type="button" className="button" onClick={() => watchConversation(item.conversationId)}>
          {t('monitor.sla.open')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!live || moving}
          onClick={() => openDialog({ kind: 'transfer', conversationId: item.conversationId })}
        >
          {t('watching.reassign')}
        </button>
        <button
          type="button"
          className="button"
          // Already in the queue: nothing to put back.
          disabled={!live || moving || assignee === null}
          title={assignee === null ? t('watching.alreadyQueued') : undefined}
          onClick={() => void transfer(item.conversationId, null)}
        >
          {t('watching.putBack')}
        </button>
      </div>
      {error && (
        <p role="alert" className="sla-item__error">
          {error}
        </p>
      )}
    </li>
  );
}

export function SlaList({ items }: { items: readonly SlaConversation[] }) {
  const { t } = useTranslation();
  const live = useDesk((state) => state.connection.status === 'online');
  return (
    <section className="monitor-card" aria-labelledby="monitor-sla">
      <h2 id="monitor-sla" className="monitor__subheading">
        {t('monitor.sla.title')}
      </h2>
      {items.length === 0 ? (
        <p className="monitor__empty">{t('monitor.sla.none')}</p>
      ) : (
        <ul className="sla-list" aria-labelledby="monitor-sla">
          {items.map((item) => (
            <SlaItem key={item.conversationId} item={item} live={live} />
          ))}
        </ul>
      )}
    </section>
  );
}
