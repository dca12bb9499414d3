// Environment: browser. Entry point: connect to the desk core, build the store, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectDesk } from './desk-client/index.js';
import { createDeskStore, feedDeskStore } from './store/create-desk-store.js';
import { DeskStoreContext } from './store/use-desk.js';
import { App } from './features/desk/App.js';
import { t } from './i18n/t.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/queue.css';
import './styles/conversation.css';
import './styles/shopper.css';

const { api, bridge } = connectDesk();
const store = createDeskStore(api);
feedDeskStore(store, api, bridge);

document.title = t('app.title');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <DeskStoreContext.Provider value={store}>
      <App />
    </DeskStoreContext.Provider>
  </StrictMode>,
);
