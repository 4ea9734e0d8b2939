// `npm start`: build, make sure the Electron binary is there (Electron downloads it on
// first start), then run the app. Where the download cannot happen, say so in one line
// and point to `npm run web` instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary } from './electronBinary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const electronPkg = path.join(root, 'node_modules', 'electron');

function binaryPath() {
  const binary = electronBinary(root);
  return binary.exists ? binary.path : null;
}

const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = binaryPath();
if (!binary) {
  console.log('Fetching the Electron binary (first start only)…');
  const install = spawnSync(process.execPath, [path.join(electronPkg, 'install.js')], {
    cwd: electronPkg,
    encoding: 'utf8',
  });
  binary = install.status === 0 ? binaryPath() : null;
  if (!binary) {
    const reason = `${install.stderr ?? ''}${install.stdout ?? ''}`
      .split('\n')
      .find((l) => /error|ENOTFOUND|ECONN|EAI_AGAIN|403|404/i.test(l));
    console.error(
      `Postmortem Studio cannot start as a desktop app: the Electron binary could not be downloaded${reason ? ` (${reason.trim().slice(0, 160)})` : ''}. Run \`npm run web\` to use the app in your browser instead.`,
    );
    process.exit(1);
  }
}

const child = spawn(binary, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
