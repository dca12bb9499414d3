// Environment: browser. The right pane: who the shopper is, why the Customer Agent handed off, the team's and
// the AI's tags, the shopper's segments, past conversations and recent events.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/RelativeTime.js';
import type { MessageKey } from '../../i18n/en.js';
import { watchingIn, abilitiesWhile } from '../../store/watching.js';
import { useDesk } from '../../store/use-desk.js';
import { channelName, codeLabel, reasonLabel } from '../conversation/display-names.js';
import { ShopperHistory } from './ShopperHistory.js';
import { ShopperSegments } from './ShopperSegments.js';
import { TagsEditor } from './TagsEditor.js';

function Field({ label, children }: { label: MessageKey; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="facts__row">
      <dt>{t(label)}</dt>
      <dd>{children ?? <span className="facts__none">{t('shopper.none')}</span>}</dd>
    </div>
  );
}

export function ShopperPanel({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const conversation = useDesk((state) =>
    state.selectedConversationId ? state.conversationsById[state.selectedConversationId] : undefined,
  );
  const account = useDesk((state) => state.session?.account);
  const watching = useDesk((state) =>
    state.selectedConversationId ? watchingIn(state, state.selectedConversationId) : false,
  );
  const className = `pane pane--shopper${open ? ' is-open' : ''}`;
  if (!conversation) {
    return (
      <aside id="shopper-panel" className={className} aria-label={t('shopper.label')}>
        <p className="empty-state">{t('shopper.empty')}</p>
      </aside>
    );
  }
  const { shopper, escalation } = conversation;
  return (
    <aside id="shopper-panel" className={className} aria-label={t('shopper.label')}>
      <h2 className="pane__title">{t('shopper.label')}</h2>
      <dl className="facts">
        <Field label="shopper.name">{shopper.name}</Field>
        <Field label="shopper.email">
          {shopper.email && <span className="facts__mono">{shopper.email}</span>}
        </Field>
        <Field label="shopper.profileId">
          {shopper.profileId && <span className="facts__mono">{shopper.profileId}</span>}
        </Field>
        <Field label="shopper.phone">{shopper.phone}</Field>
        <Field label="shopper.channel">{channelName(conversation.channel)}</Field>
      </dl>
      <h2 className="pane__title">{t('conversation.handedOff')}</h2>
      <dl className="facts">
        <Field label="shopper.reason">
          {escalation && (
            <>
              {reasonLabel(escalation.reason)}
              {/* The raw code too, when it was translated: it is what reports and segments use. */}
              {reasonLabel(escalation.reason) !== escalation.reason && (
                <span className="facts__code">{escalation.reason}</span>
              )}
            </>
          )}
        </Field>
        <Field label="shopper.procedure">{escalation?.procedure && codeLabel(escalation.procedure)}</Field>
        <Field label="shopper.waitingSince">
          {conversation.escalatedAt && <RelativeTime iso={conversation.escalatedAt} />}
        </Field>
      </dl>
      <ShopperSegments key={`segments-${conversation.id}`} conversationId={conversation.id} />
      <TagsEditor
        conversation={conversation}
        editable={abilitiesWhile(conversation, account, watching).editTags}
      />
      <ShopperHistory key={conversation.id} conversationId={conversation.id} />
    </aside>
  );
}
