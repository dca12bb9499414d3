// Environment: browser. Saves a file the desk core produced, the way a web page can in both hosts: a Blob
// behind an object URL and a click on an <a download>.
export interface DownloadableFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/**
 * Some browsers read the object URL after click() returns; revoking it at once can cancel the download.
 * FileSaver.js waits 40 s for the same reason. The Blob is a single transcript, so holding it is cheap.
 */
const REVOKE_AFTER_MS = 40_000;

export function downloadFile(file: DownloadableFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
