/**
 * Seals the seat's secrets (the server session token and the device token) before they are written
 * to the seat database, so a copied database file does not carry a usable login. In the desktop app
 * the OS keychain does it (Electron safeStorage: DPAPI on Windows, Keychain on macOS, the desktop
 * keyring on Linux); browser mode (development, tests) has none and keeps them in clear.
 */
export type SecretBox = {
  readonly kind: 'os' | 'none';
  /** Text safe to store (base64 for the OS box). */
  seal(plain: string): string;
  /** Throws when this machine and user cannot open it (another Windows account, a copied file). */
  open(sealed: string): string;
};

export const NO_SECRET_BOX: SecretBox = { kind: 'none', seal: (s) => s, open: (s) => s };

/** Marks a stored value as sealed; a value without it was written in clear (browser mode, older seats). */
export const SEALED_PREFIX = 'sealed:';
