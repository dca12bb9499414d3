// Environment: browser. Copying text for the agent: the async Clipboard API where the page may use it, else
// the older copy command on a hidden text field (a web host opened over plain http has no navigator.clipboard).
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the fallback below.
  }
  const field = doc.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  doc.body.append(field);
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  field.select();
  try {
    // Deprecated, but the only synchronous way left where the Clipboard API is missing.
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
    focused?.focus();
  }
}
