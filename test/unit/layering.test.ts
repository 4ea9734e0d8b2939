import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('layering lint', () => {
  const forbiddenInShared = [
    "import { useState } from 'react';",
    "import { app } from 'electron';",
    "import fs from 'node:fs';",
    "import path from 'path';",
    "import { createStore } from 'zustand';",
    "import { App } from '../renderer/src/app/App';",
    "import { handle } from '../electron/ipc/handle';",
  ];
  for (const line of forbiddenInShared) {
    it(`fails when shared/ does: ${line}`, async () => {
      expect(await ruleIds('shared/bad.ts', `${line}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
    });
  }

  it('fails when shared/ touches the DOM or Node globals', async () => {
    expect(await ruleIds('shared/bad.ts', 'export const w = window.innerWidth;\n')).toContain('no-restricted-globals');
    expect(await ruleIds('shared/bad.ts', 'export const e = process.env;\n')).toContain('no-restricted-globals');
  });

  it('fails when the renderer imports Electron or main-process code', async () => {
    expect(
      await ruleIds('renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        'renderer/src/bad.ts',
        "import { handle } from '../../electron/ipc/handle';\nexport const x = handle;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('fails when main imports renderer code', async () => {
    expect(
      await ruleIds('electron/bad.ts', "import { App } from '../renderer/src/app/App';\nexport const x = App;\n"),
    ).toContain('no-restricted-imports');
  });

  it('allows shared/ to use zod and its own modules', async () => {
    expect(
      await ruleIds(
        'shared/good.ts',
        "import { z } from 'zod';\nimport { isRealDate } from './model';\nexport const s = z.string().refine(isRealDate);\n",
      ),
    ).toEqual([]);
  });
});
