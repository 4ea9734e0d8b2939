/**
 * Packaging with electron-builder (`npm run package`). It cannot run on the development
 * machine (the Electron binary comes from GitHub), so a unit test reads this file and
 * holds the security settings in place.
 *
 * Fuses are switches compiled into the Electron binary; set here, they cannot be turned
 * back on by a command-line flag or an environment variable on the user's machine.
 * The Playwright `_electron` suite needs the inspect arguments, so it runs against the
 * unpackaged build (`out/`), never against a packaged app.
 */
module.exports = {
  appId: 'org.postmortemstudio.desktop',
  productName: 'Postmortem Studio',
  directories: { output: 'dist', buildResources: 'build' },
  files: ['out/**', 'package.json'],
  asar: true,
  electronFuses: {
    // `ELECTRON_RUN_AS_NODE` would turn the app into a plain Node.js runtime.
    runAsNode: false,
    // Cookies and other session data encrypted at rest with the OS keychain.
    enableCookieEncryption: true,
    // `NODE_OPTIONS` could preload code into the main process.
    enableNodeOptionsEnvironmentVariable: false,
    // `--inspect` and friends would open a debugger port into the main process.
    enableNodeCliInspectArguments: false,
    // The app.asar is checked against the hash embedded at package time.
    enableEmbeddedAsarIntegrityValidation: true,
    // Only the packaged app.asar is loaded, never a loose `app/` folder placed beside it.
    onlyLoadAppFromAsar: true,
    // file:// pages get no extra privileges (the app loads from file://, but needs none).
    grantFileProtocolExtraPrivileges: false,
  },
  mac: { category: 'public.app-category.productivity', target: ['dmg'], hardenedRuntime: true },
  win: { target: ['nsis'] },
  linux: { target: ['AppImage', 'deb'], category: 'Office' },
};
