/**
 * Where an Electron binary is, without requiring the `electron` package (which would
 * try to download one). ELECTRON_OVERRIDE_DIST_PATH wins, as it does for the package.
 */
import fs from 'node:fs';
import path from 'node:path';

export function findElectronBinary(root = process.cwd()): { path: string } | { missing: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : defaultExecutable();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? path.join(override, relative) : path.join(pkg, 'dist', relative);
  if (fs.existsSync(candidate)) return { path: candidate };
  return {
    missing: override
      ? `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist`
      : 'no Electron binary is installed (node_modules/electron/dist is missing and ELECTRON_OVERRIDE_DIST_PATH is not set)',
  };
}

function defaultExecutable(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}
