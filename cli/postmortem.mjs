#!/usr/bin/env node
// The `postmortem` bin: runs the bundled CLI, building it first if this checkout has not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'cli', 'postmortem.mjs');
if (!fs.existsSync(bundle)) {
  const build = spawnSync('npx', ['vite', 'build', '--config', 'cli/vite.config.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    console.error(
      'postmortem: could not build the command line tool; run `npm install` in the Postmortem Studio folder first.',
    );
    process.exit(2);
  }
}
await import(pathToFileURL(bundle).href);
