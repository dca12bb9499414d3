// Environment: browser. The desk: queue | conversation | shopper, with resizable side panes. On narrow windows
// the shopper pane folds away behind a toggle (CSS decides; the toggle opens it as an overlay).
import { useState, type CSSProperties } from 'react';
import { PaneResizer } from '../../components/PaneResizer.js';
import { t } from '../../i18n/t.js';
import { ConversationPane } from '../conversation/ConversationPane.js';
import { QueuePane } from '../queue/QueuePane.js';
import { ShopperPanel } from '../shopper/ShopperPanel.js';
import { TopBar } from './TopBar.js';

const QUEUE_WIDTH = { initial: 340, min: 260, max: 520 };
const SHOPPER_WIDTH = { initial: 300, min: 240, max: 460 };

export function DeskScreen() {
  const [queueWidth, setQueueWidth] = useState(QUEUE_WIDTH.initial);
  const [shopperWidth, setShopperWidth] = useState(SHOPPER_WIDTH.initial);
  const [shopperOpen, setShopperOpen] = useState(false);

  return (
    <div
      className="desk"
      style={{ '--queue-width': `${queueWidth}px`, '--shopper-width': `${shopperWidth}px` } as CSSProperties}
    >
      <TopBar />
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
        <ConversationPane
          shopperPanelOpen={shopperOpen}
          onToggleShopperPanel={() => setShopperOpen((open) => !open)}
        />
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
    </div>
  );
}
