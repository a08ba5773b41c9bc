import { describe, expect, it } from 'vitest';
import { osSecretBox } from './osSecretBox';

/** What safeStorage does, with a trivially reversible cipher. */
const keychain = (available: boolean) => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decryptString: (sealed: Buffer) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString(),
});

describe('osSecretBox', () => {
  it('seals through the keychain as base64 text and opens it again', () => {
    const box = osSecretBox(keychain(true))!;
    const sealed = box.seal('dev_token_令牌');
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('dev_token');
    expect(box.open(sealed)).toBe('dev_token_令牌');
    expect(box.kind).toBe('os');
  });

  it('offers no box where the OS cannot encrypt', () => {
    expect(osSecretBox(keychain(false))).toBeUndefined();
  });
});
