import { describe, expect, test } from 'vitest';
import { createEncryption, EncryptionError, importDataKey, kdfIterations, open, seal, unlock } from './crypto';

describe('sync encryption (WebCrypto)', () => {
  test('round trip; the wrong passphrase and a damaged record or file are told apart', { timeout: 30_000 }, async () => {
    const { envelope, raw } = await createEncryption('correct horse battery staple');
    expect(envelope).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: kdfIterations });
    expect(await unlock(envelope, 'correct horse battery staple')).toBe(raw);
    await expect(unlock(envelope, 'wrong')).rejects.toMatchObject({ failure: 'wrong-passphrase' });
    const flipped = { ...envelope, wrapped: envelope.wrapped.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    await expect(unlock(flipped, 'correct horse battery staple')).rejects.toMatchObject({ failure: 'damaged' });
    await expect(unlock({ ...envelope, iterations: 1000 }, 'correct horse battery staple')).rejects.toMatchObject({ failure: 'damaged' });

    const key = await importDataKey(raw);
    const sealed = await seal(key, 'secret note text', 'devices/a/batch-1.json');
    expect(JSON.stringify(sealed)).not.toContain('secret');
    expect(await open(key, sealed, 'devices/a/batch-1.json')).toBe('secret note text');
    await expect(open(key, sealed, 'devices/a/batch-2.json')).rejects.toBeInstanceOf(EncryptionError);
    const damaged = { ...sealed, data: sealed.data.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    await expect(open(key, damaged, 'devices/a/batch-1.json')).rejects.toMatchObject({ failure: 'damaged' });
    await expect(createEncryption('x', 1000)).rejects.toThrow(/600000/);
  });
});
