// Environment: browser. React access to the vanilla store: components select single fields (or use
// useShallow for lists) so they re-render only for what they show.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DeskStore } from './create-desk-store.js';
import type { DeskState } from './desk-state.js';

export const DeskStoreContext = createContext<DeskStore | null>(null);

export function useDeskStore(): DeskStore {
  const store = useContext(DeskStoreContext);
  if (!store) throw new Error('useDesk must be used inside <DeskStoreContext.Provider>.');
  return store;
}

export function useDesk<T>(selector: (state: DeskState) => T): T {
  return useStore(useDeskStore(), selector);
}
