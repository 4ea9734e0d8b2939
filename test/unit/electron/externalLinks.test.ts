import { describe, expect, it } from 'vitest';
import { openExternalLink, shownAddress } from '../../../electron/externalLinks';

function fakes(answer: boolean) {
  const asked: string[] = [];
  const opened: string[] = [];
  return {
    asked,
    opened,
    deps: {
      confirm: async (url: string) => {
        asked.push(url);
        return answer;
      },
      open: async (url: string) => {
        opened.push(url);
      },
    },
  };
}

describe('links that leave the app', () => {
  it('open a web link in the browser only after the person confirms it', async () => {
    const yes = fakes(true);
    expect(await openExternalLink('https://tracker.example/PM-1', yes.deps)).toBe('opened');
    expect(yes.asked).toEqual(['https://tracker.example/PM-1']);
    expect(yes.opened).toEqual(['https://tracker.example/PM-1']);

    const no = fakes(false);
    expect(await openExternalLink('http://wiki.example/runbook', no.deps)).toBe('declined');
    expect(no.asked).toHaveLength(1);
    expect(no.opened).toEqual([]);
  });

  it('never offer to open other schemes, not even with confirmation', async () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://share/x',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://x',
      'data:text/html,<script>1</script>',
      'not a url',
    ]) {
      const f = fakes(true);
      expect(await openExternalLink(url, f.deps)).toBe('refused');
      expect(f.asked).toEqual([]);
      expect(f.opened).toEqual([]);
    }
  });

  it('show the whole address, eliding only a very long one, and say how much is elided', () => {
    expect(shownAddress('https://a.example/x')).toBe('https://a.example/x');
    const long = `https://a.example/${'x'.repeat(1000)}`;
    expect(shownAddress(long)).toMatch(/^https:\/\/a\.example\/x+… \(518 more characters\)$/);
  });
});
