// Environment: browser. "Copy text" with its outcome announced. If the clipboard refuses, the text shown in
// `source` is selected instead, so the agent can copy it with the keyboard.
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../platform/clipboard.js';

export function CopyTextButton({ text, source }: { text: string; source: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const onCopy = async () => {
    const copied = await copyText(text);
    setOutcome(copied ? 'copied' : 'failed');
    if (!copied && source.current) window.getSelection()?.selectAllChildren(source.current);
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void onCopy()}>
        {t('actions.copyText')}
      </button>
      <span className="copy-outcome" role="status">
        {outcome === 'copied' ? t('actions.copied') : outcome === 'failed' ? t('actions.copyFailed') : ''}
      </span>
    </>
  );
}
