import { isTrustedUrl } from '../app/origins';

/** The part of Electron's WebFrameMain the check needs; null when the frame is gone or navigated away. */
export type SenderFrame = { readonly url: string } | null | undefined;

/**
 * Only pages of our own UI may call the seat (Electron security checklist #17): the frame that sent
 * the message must be on app://hotline (or the dev server when unpackaged) right now.
 */
export function isTrustedSender(frame: SenderFrame, origins: readonly string[]): boolean {
  if (!frame) return false;
  let url: string;
  try {
    url = frame.url;
  } catch {
    // Electron throws when the frame was disposed while the message was in flight: nobody to trust.
    return false;
  }
  return isTrustedUrl(url, origins);
}
