/** The Electron suite's view of build/electronBinary.mjs: the binary, or why it is missing. */
import { electronBinary } from '../../build/electronBinary.mjs';

export function findElectronBinary(root = process.cwd()): { path: string } | { missing: string } {
  const binary = electronBinary(root);
  if (binary.exists) return { path: binary.path };
  return {
    missing: process.env['ELECTRON_OVERRIDE_DIST_PATH']
      ? `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary.path} does not exist`
      : 'no Electron binary is installed (node_modules/electron/dist is missing and ELECTRON_OVERRIDE_DIST_PATH is not set)',
  };
}
