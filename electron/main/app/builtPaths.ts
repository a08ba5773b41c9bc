import path from 'node:path';

export type BuiltPaths = { rendererDir: string; preload: string };

/** electron-vite writes out/main, out/preload and out/renderer side by side; `mainDir` is out/main. */
export function builtPaths(mainDir: string): BuiltPaths {
  const outDir = path.resolve(mainDir, '..');
  return { rendererDir: path.join(outDir, 'renderer'), preload: path.join(outDir, 'preload', 'index.cjs') };
}
