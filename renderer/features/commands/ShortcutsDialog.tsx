// Environment: browser. The help overlay: every shortcut from the one keyboard map, grouped.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.js';
import type { MessageKey } from '../../i18n/en.js';
import { useDesk } from '../../store/use-desk.js';
import { commandLabels, displayKey, SHORTCUTS, type ShortcutGroup } from './shortcuts.js';

const groups: { group: ShortcutGroup; label: MessageKey }[] = [
  { group: 'navigate', label: 'shortcuts.group.navigate' },
  { group: 'conversation', label: 'shortcuts.group.conversation' },
  { group: 'app', label: 'shortcuts.group.app' },
];

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const closeDialog = useDesk((state) => state.closeDialog);
  // The monitor is the lead's: agents are not shown a shortcut to something they do not have.
  const lead = useDesk((state) => state.session?.account.role === 'lead');
  const mac = isMac();
  return (
    <Modal title={t('shortcuts.title')} onClose={closeDialog} className="modal--wide">
      <p className="modal__lead">{t('shortcuts.lead')}</p>
      <div className="shortcut-groups">
        {groups.map(({ group, label }) => (
          <section key={group} className="shortcut-group" aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`}>{t(label)}</h3>
            <dl className="shortcut-list">
              {SHORTCUTS.filter(
                (shortcut) => shortcut.group === group && (lead || shortcut.command !== 'monitor'),
              ).map((shortcut) => (
                <div key={shortcut.command} className="shortcut-list__row">
                  <dt>{t(commandLabels[shortcut.command])}</dt>
                  <dd>
                    {shortcut.keys.map((sequence, index) => (
                      <Fragment key={sequence.join(' ')}>
                        {index > 0 && <span className="shortcut-list__or">/</span>}
                        {sequence.map((key, position) => (
                          <Fragment key={key}>
                            {position > 0 && (
                              <span className="shortcut-list__then">{t('shortcuts.then')}</span>
                            )}
                            <kbd>{displayKey(key, mac)}</kbd>
                          </Fragment>
                        ))}
                      </Fragment>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
