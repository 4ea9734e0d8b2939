import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../../build/electron-builder.cjs') as {
  asar: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
};

describe('packaging configuration', () => {
  it('flips the Electron fuses that would let someone run code through the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built app only, inside an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**', 'package.json']);
  });
});
