// Environment: Node (Electron main, but free of Electron so it can be tested anywhere). Which frames may call
// DeskApi and which URLs may leave the app.

/** Only our own window's top frame, showing our own renderer file, may call the desk core. */
export function isOurRendererFrame(frameUrl: string | undefined, rendererIndexUrl: string): boolean {
  if (!frameUrl) return false;
  try {
    const frame = new URL(frameUrl);
    const ours = new URL(rendererIndexUrl);
    // Ignore the hash and query: client-side state, not another document.
    return frame.protocol === 'file:' && frame.pathname === ours.pathname;
  } catch {
    return false;
  }
}

/** Links the agent opens go to the system browser, and only web links do. */
export function isExternalWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
