// Where the Electron binary is, without requiring the `electron` package (which would try
// to download one). ELECTRON_OVERRIDE_DIST_PATH wins, as it does for the package itself.
// Shared by `npm start`, the Electron test runner and the Electron suite.
import fs from 'node:fs';
import path from 'node:path';

/** @param {string} root the project folder @returns {{ path: string, exists: boolean }} */
export function electronBinary(root) {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : defaultExecutable();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const full = path.join(base, relative);
  return { path: full, exists: fs.existsSync(full) };
}

function defaultExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}
