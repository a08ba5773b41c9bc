import type { SafeStorage } from 'electron';
import type { SecretBox } from '../../core/secrets/secretBox';

type Keychain = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

/**
 * The OS keychain as the seat's secret box, or none where the OS offers no encryption (a Linux desktop
 * without a keyring): tokens then stay in clear, as in browser mode, and the log says so. Call after
 * the app is ready; safeStorage is not usable before.
 */
export function osSecretBox(keychain: Keychain): SecretBox | undefined {
  if (!keychain.isEncryptionAvailable()) return undefined;
  return {
    kind: 'os',
    seal: (plain) => keychain.encryptString(plain).toString('base64'),
    open: (sealed) => keychain.decryptString(Buffer.from(sealed, 'base64')),
  };
}
