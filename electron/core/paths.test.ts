import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, migrationsDir, seatPaths, sourceResourcesDir } from './paths';

describe('where the seat keeps its data', () => {
  it('uses HOTLINE_DATA_DIR when it is set', () => {
    expect(defaultDataDir({ HOTLINE_DATA_DIR: '/srv/seat' }, 'linux')).toBe('/srv/seat');
  });

  it('uses the folder Electron names userData on each system', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/op/.cfg' }, 'linux')).toBe('/home/op/.cfg/12316-seat');
    expect(defaultDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', '12316-seat'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\op\\AppData\\Roaming', '12316-seat'),
    );
    expect(defaultDataDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', '12316-seat'));
  });

  it('names the database, log and settings files inside the data folder', () => {
    expect(seatPaths('/d')).toEqual({
      dataDir: '/d',
      db: '/d/seat.db',
      logFile: '/d/logs/core.log',
      settingsFile: '/d/settings.json',
    });
  });

  it('finds the shipped migrations and data from source', () => {
    const root = sourceResourcesDir();
    expect(fs.existsSync(path.join(root, 'package.json'))).toBe(true);
    expect(fs.readdirSync(migrationsDir(root))).toContain('0010_init.sql');
    expect(fs.existsSync(path.join(root, 'data'))).toBe(true);
  });
});
