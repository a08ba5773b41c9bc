import fs from 'node:fs';
import path from 'node:path';
// electron-builder's own schema check (app-builder-lib and builder-util come with electron-builder).
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const configFile = path.join(root, 'build', 'electron-builder.yml');

type Resource = { from: string; to: string };
type BuilderConfig = {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  extraResources: Resource[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
};

const load = (): BuilderConfig => yaml.load(fs.readFileSync(configFile, 'utf8')) as BuilderConfig;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder config', () => {
  it("is accepted by electron-builder's schema", async () => {
    await expect(validateConfiguration(load() as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and the installers the hotline ships', () => {
    const config = load();
    expect(config.appId).toBe('cn.gov.jl.hotline12316.seat');
    expect(config.productName).toBe('12316 坐席台');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs the build output, keeps better-sqlite3 out of the asar, and ships data and migrations as resources', () => {
    const config = load();
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.extraResources).toEqual([
      { from: 'data/', to: 'data/' },
      { from: 'electron/core/db/migrations/', to: 'electron/core/db/migrations/' },
    ]);
    for (const { from } of config.extraResources) expect(fs.statSync(path.join(root, from)).isDirectory()).toBe(true);
  });

  it('flips the security fuses', () => {
    expect(load().electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('points at real icons: a 512×512 PNG and an ICO with a 256×256 image', () => {
    const config = load();
    expect(pngSize(fs.readFileSync(path.join(root, config.linux.icon)))).toEqual({ width: 512, height: 512 });

    const ico = fs.readFileSync(path.join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => {
      const entry = 6 + 16 * i;
      const image = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      return pngSize(image).width;
    });
    expect(sizes).toContain(256);
  });
});
