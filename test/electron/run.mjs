// Runs the Playwright _electron suite. Where no Electron binary exists (as on machines
// that cannot reach GitHub), it says so in one line and the suite counts as skipped.
import { spawnSync } from 'node:child_process';
import { electronBinary } from '../../build/electronBinary.mjs';

const { path: binary, exists: present } = electronBinary(process.cwd());

if (present) {
  const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', shell: false });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log(
    `Electron suite skipped: no Electron binary at ${binary} (it downloads on first \`npm start\`, or set ELECTRON_OVERRIDE_DIST_PATH).`,
  );
}
const run = spawnSync('npx', ['playwright', 'test', '--config', 'test/electron/playwright.config.ts'], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(run.status ?? 1);
