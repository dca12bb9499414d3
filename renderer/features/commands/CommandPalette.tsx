// Environment: browser. The command palette (Ctrl/Cmd+K): every conversation the console knows (by shopper
// name, email or phone) and every action that applies now (export included), filtered as the agent types.
import { Command } from 'cmdk';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Preferences } from '../../../shared/desk-api.js';
import type { ChosenPresence } from '../../../shared/team.js';
import { Modal } from '../../components/Modal.js';
import type { MessageKey } from '../../i18n/en.js';
import type { DeskStore } from '../../store/create-desk-store.js';
import type { DeskState } from '../../store/desk-state.js';
import { useDesk, useDeskStore } from '../../store/use-desk.js';
import {
  reasonLabel,
  shopperDisplayName,
  shopperSecondaryName,
  statusName,
} from '../conversation/display-names.js';
import { exportAndDownload } from '../offline/export-and-download.js';
import type { ExportFormat } from '../../store/export-slice.js';
import { isCommandAvailable, runCommand } from './desk-commands.js';
import { commandLabels, displayKey, SHORTCUTS, type CommandId } from './shortcuts.js';
import { isMac } from './ShortcutsDialog.js';

/** Commands that make no sense from the palette itself. */
const NOT_IN_PALETTE = new Set<CommandId>(['next', 'previous', 'open', 'close', 'palette']);

interface PaletteAction {
  id: string;
  label: MessageKey;
  shortcut: string | null;
  available(state: DeskState): boolean;
  run(store: DeskStore): void;
}

function paletteActions(mac: boolean): PaletteAction[] {
  const fromMap: PaletteAction[] = SHORTCUTS.filter((s) => !NOT_IN_PALETTE.has(s.command)).map((s) => ({
    id: s.command,
    label: commandLabels[s.command],
    shortcut: s.keys[0]?.map((key) => displayKey(key, mac)).join(' ') ?? null,
    available: (state) => isCommandAvailable(s.command, state),
    run: (store) => void runCommand(s.command, store),
  }));
  const presence = (value: ChosenPresence, label: MessageKey): PaletteAction => ({
    id: `presence-${value}`,
    label,
    shortcut: null,
    available: (state) => state.connection.status === 'online',
    run: (store) => void store.getState().setPresence(value),
  });
  const language = (value: Preferences['language'], label: MessageKey): PaletteAction => ({
    id: `language-${value}`,
    label,
    shortcut: null,
    available: (state) => state.preferences.language !== value,
    run: (store) => void store.getState().setPreferences({ language: value }),
  });
  const exportAs = (format: ExportFormat, label: MessageKey): PaletteAction => ({
    id: `export-${format}`,
    label,
    shortcut: null,
    available: (state) =>
      state.selectedConversationId !== null && state.selectedConversationId in state.conversationsById,
    run: (store) => {
      const id = store.getState().selectedConversationId;
      if (id) void exportAndDownload(store, id, format);
    },
  });
  return [
    ...fromMap,
    exportAs('text', 'command.exportText'),
    exportAs('json', 'command.exportJson'),
    presence('online', 'command.presenceOnline'),
    presence('away', 'command.presenceAway'),
    language('system', 'command.languageSystem'),
    language('en', 'command.languageEn'),
    language('sv', 'command.languageSv'),
    {
      id: 'sound',
      label: 'command.toggleSound',
      shortcut: null,
      available: () => true,
      run: (store) => void store.getState().setPreferences({ sound: !store.getState().preferences.sound }),
    },
    {
      id: 'sign-out',
      label: 'command.signOut',
      shortcut: null,
      available: () => true,
      // The same dialog as the top bar's button: it offers to remove this computer's cached conversations.
      run: (store) => store.getState().openDialog({ kind: 'signOut' }),
    },
  ];
}

/** Conversations worth reaching: everything handed off, most recent first. */
function paletteConversationIds(state: DeskState): string[] {
  return Object.values(state.conversationsById)
    .filter((conversation) => conversation.status !== 'with_ai')
    .sort((a, b) => Date.parse(b.lastMessageAt ?? b.createdAt) - Date.parse(a.lastMessageAt ?? a.createdAt))
    .map((conversation) => conversation.id);
}

export function CommandPalette() {
  const { t } = useTranslation();
  const store = useDeskStore();
  const closeDialog = useDesk((state) => state.closeDialog);
  const conversationIds = useDesk(useShallow(paletteConversationIds));
  const conversations = useDesk((state) => state.conversationsById);
  // Availability is read once per render of the palette: it is open only briefly.
  const state = store.getState();
  const actions = paletteActions(isMac()).filter((action) => action.available(state));

  const choose = (run: () => void) => {
    closeDialog();
    run();
  };

  return (
    <Modal title={t('palette.title')} onClose={closeDialog} className="modal--palette" hideTitle>
      <Command label={t('palette.input')} className="palette" loop>
        <Command.Input className="palette__input" placeholder={t('palette.input')} data-autofocus />
        <Command.List className="palette__list">
          <Command.Empty className="palette__empty">{t('palette.empty')}</Command.Empty>
          {actions.length > 0 && (
            <Command.Group heading={t('palette.actions')} className="palette__group">
              {actions.map((action) => (
                <Command.Item
                  key={action.id}
                  value={`action:${action.id}`}
                  keywords={[t(action.label)]}
                  onSelect={() => choose(() => action.run(store))}
                  className="palette__item"
                >
                  <span>{t(action.label)}</span>
                  {action.shortcut && <kbd>{action.shortcut}</kbd>}
                </Command.Item>
              ))}
            </Command.Group>
          )}
          <Command.Group heading={t('palette.conversations')} className="palette__group">
            {conversationIds.map((id) => {
              const conversation = conversations[id];
              if (!conversation) return null;
              const name = shopperDisplayName(conversation.shopper);
              const secondary = shopperSecondaryName(conversation.shopper);
              const { email, phone, profileId } = conversation.shopper;
              return (
                <Command.Item
                  key={id}
                  value={`conversation:${id}`}
                  keywords={[name, email, phone, profileId, statusName(conversation)].filter(
                    (word): word is string => Boolean(word),
                  )}
                  onSelect={() => choose(() => store.getState().revealConversation(id))}
                  className="palette__item"
                >
                  <span className="palette__name">{name}</span>
                  {secondary && <span className="palette__secondary">{secondary}</span>}
                  <span className="palette__meta">
                    {statusName(conversation)}
                    {conversation.escalation ? ` · ${reasonLabel(conversation.escalation.reason)}` : ''}
                  </span>
                </Command.Item>
              );
            })}
          </Command.Group>
        </Command.List>
      </Command>
    </Modal>
  );
}
