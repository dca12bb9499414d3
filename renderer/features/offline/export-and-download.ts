// Environment: browser. Export a conversation and save the file: one path for the header menu and the palette.
import { downloadFile } from '../../platform/download-file.js';
import type { DeskStore } from '../../store/create-desk-store.js';
import type { ExportFormat } from '../../store/export-slice.js';

export async function exportAndDownload(
  store: DeskStore,
  conversationId: string,
  format: ExportFormat,
): Promise<void> {
  const file = await store.getState().exportConversation(conversationId, format);
  if (file) downloadFile(file);
}
