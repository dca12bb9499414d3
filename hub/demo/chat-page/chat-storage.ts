// Environment: browser. Where the widget keeps its chat id and token so a reload resumes the same chat.
const STORAGE_KEY = 'nordic-threads.chat';

export interface StoredChat {
  chatId: string;
  chatToken: string;
}

export function loadStoredChat(): StoredChat | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    const candidate = value as Partial<StoredChat> | null;
    if (typeof candidate?.chatId === 'string' && typeof candidate.chatToken === 'string') {
      return { chatId: candidate.chatId, chatToken: candidate.chatToken };
    }
  } catch {
    // A corrupt entry is as good as none: a new chat starts.
  }
  return null;
}

export function saveStoredChat(chat: StoredChat): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(chat));
}

export function clearStoredChat(): void {
  localStorage.removeItem(STORAGE_KEY);
}
