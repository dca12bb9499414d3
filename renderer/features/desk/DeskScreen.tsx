// Environment: browser. The desk: queue | conversation | shopper, with resizable side panes, the keyboard
// shortcuts and whichever dialog is open. On narrow windows the shopper pane folds away behind a toggle.
import { lazy, Suspense, useState, type CSSProperties } from 'react';
import { SkeletonLines } from '../../components/Skeleton.js';
import { useTranslation } from 'react-i18next';
import { PaneResizer } from '../../components/PaneResizer.js';
import { useDesk } from '../../store/use-desk.js';
import { CommandPalette } from '../commands/CommandPalette.js';
import { ShortcutsDialog } from '../commands/ShortcutsDialog.js';
import { useKeyboardShortcuts } from '../commands/use-keyboard-shortcuts.js';
import { ConversationPane } from '../conversation/ConversationPane.js';
import { SnoozeDialog } from '../conversation/SnoozeDialog.js';
import { TransferDialog } from '../conversation/TransferDialog.js';
import { QueuePane } from '../queue/QueuePane.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';
import { ShopperPanel } from '../shopper/ShopperPanel.js';
import { OfflineReviewBanner } from '../offline/OfflineReviewBanner.js';
import { NotificationBanner } from './NotificationBanner.js';
import { SignOutDialog } from './SignOutDialog.js';
import { TopBar } from './TopBar.js';

// Its own chunk with the chart library: only a lead who opens the monitor loads it.
const MonitorView = lazy(() => import('../monitor/MonitorView.js'));

const QUEUE_WIDTH = { initial: 340, min: 260, max: 520 };
const SHOPPER_WIDTH = { initial: 300, min: 240, max: 460 };

function OpenDialog() {
  const dialog = useDesk((state) => state.dialog);
  switch (dialog?.kind) {
    case 'transfer':
      return <TransferDialog key={dialog.conversationId} conversationId={dialog.conversationId} />;
    case 'snooze':
      return <SnoozeDialog key={dialog.conversationId} conversationId={dialog.conversationId} />;
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'palette':
      return <CommandPalette />;
    case 'settings':
      return <SettingsDialog />;
    case 'signOut':
      return <SignOutDialog />;
    default:
      return null;
  }
}

export function DeskScreen() {
  const { t } = useTranslation();
  const [queueWidth, setQueueWidth] = useState(QUEUE_WIDTH.initial);
  const [shopperWidth, setShopperWidth] = useState(SHOPPER_WIDTH.initial);
  const shopperOpen = useDesk((state) => state.shopperPanelOpen);
  const toggleShopper = useDesk((state) => state.toggleShopperPanel);
  const monitorShown = useDesk((state) => state.view === 'monitor' && state.session?.account.role === 'lead');
  useKeyboardShortcuts();

  return (
    <div
      className="desk"
      style={{ '--queue-width': `${queueWidth}px`, '--shopper-width': `${shopperWidth}px` } as CSSProperties}
    >
      <TopBar />
      {/* One grid row for every banner, present or not, so the panes always get the row that stretches. */}
      <div className="desk__banners">
        <OfflineReviewBanner />
        <NotificationBanner />
      </div>
      {monitorShown ? (
        <Suspense
          fallback={
            <div className="monitor monitor--loading" aria-busy="true" aria-label={t('monitor.loading')}>
              <SkeletonLines count={8} />
            </div>
          }
        >
          <MonitorView />
        </Suspense>
      ) : (
        <div className="desk__panes">
          <QueuePane />
          <PaneResizer
            label={t('layout.resizeQueue')}
            width={queueWidth}
            min={QUEUE_WIDTH.min}
            max={QUEUE_WIDTH.max}
            direction={1}
            onResize={setQueueWidth}
          />
          <ConversationPane shopperPanelOpen={shopperOpen} onToggleShopperPanel={toggleShopper} />
          <PaneResizer
            label={t('layout.resizeShopper')}
            width={shopperWidth}
            min={SHOPPER_WIDTH.min}
            max={SHOPPER_WIDTH.max}
            direction={-1}
            onResize={setShopperWidth}
          />
          <ShopperPanel open={shopperOpen} />
        </div>
      )}
      <OpenDialog />
    </div>
  );
}
