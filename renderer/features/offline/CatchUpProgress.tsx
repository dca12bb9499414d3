// Environment: browser. How far the console is through what it missed, when that is a lot (store/catch-up.ts
// decides when): a native <progress> named "Catching up", with the numbers in words for the locale.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { visibleCatchUp } from '../../store/catch-up.js';
import { useDesk } from '../../store/use-desk.js';

export function CatchUpProgress() {
  const { t } = useTranslation();
  const progress = useDesk(useShallow((state) => visibleCatchUp(state.connection)));
  if (!progress) return null;
  return (
    <div className="catch-up">
      <progress
        className="catch-up__bar"
        aria-label={t('catchUp.label')}
        max={progress.total}
        value={progress.applied}
      />
      <span className="catch-up__text">
        {t('catchUp.progress', { applied: progress.applied, total: progress.total })}
      </span>
    </div>
  );
}
