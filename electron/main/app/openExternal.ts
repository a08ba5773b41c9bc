import { shell } from 'electron';

/**
 * Whether a link may leave the app for the system browser: https only, no user:password@ part
 * (it hides the real host from the operator). file:, smb:, javascript: and plain http are refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL at all: nothing to open.
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** The one place the app hands a URL to the operating system (eslint forbids shell.openExternal elsewhere). */
export async function openExternalSafe(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}
