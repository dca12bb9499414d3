// Environment: browser. Entry point: connect to the desk core, build the store, start the platform effects
// (language, title, notifications, presence, activity), render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { connectDesk } from './desk-client/index.js';
import { createDeskStore, feedDeskStore } from './store/create-desk-store.js';
import { DeskStoreContext } from './store/use-desk.js';
import { App } from './features/desk/App.js';
import { i18n } from './i18n/i18n.js';
import { startPlatformEffects } from './platform/start-platform-effects.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/queue.css';
import './styles/search.css';
import './styles/conversation.css';
import './styles/shopper.css';
import './styles/dialogs.css';
import './styles/settings.css';
import './styles/offline.css';

const { api, bridge, electron } = connectDesk();
const store = createDeskStore(api);
feedDeskStore(store, api, bridge);
startPlatformEffects(store, api, { electron });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <DeskStoreContext.Provider value={store}>
        <App />
      </DeskStoreContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
