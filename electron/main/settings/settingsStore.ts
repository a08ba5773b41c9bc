import Store from 'electron-store';
import type { SettingsBackend } from '../../core/seat';

/**
 * The seat settings file (<dataDir>/settings.json). Browser mode opens the same file through `conf`
 * with the same cwd and name, so both modes share one configuration; the core validates its content.
 */
export function openSettingsBackend(dataDir: string): SettingsBackend {
  return new Store<Record<string, unknown>>({ cwd: dataDir, name: 'settings' });
}
