import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createPostmortem } from '../../shared/documents';
import { seedDocuments } from './seedDocuments';

/** The node whose answer is exactly `text` (its child's question repeats the text). */
const node = (page: Page, text: string) =>
  page.locator('.why-node').filter({ has: page.locator('.why-answer').getByText(`→ ${text}`, { exact: true }) });

async function answer(page: Page, text: string) {
  await page.keyboard.type(text);
}

test('build a two-branch tree of depth 5 by keyboard, mark root causes, undo/redo, reload', async ({ page }) => {
  test.setTimeout(120_000); // about 200 keystrokes, each a real key event
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Checkout outage');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  const canvas = page.getByRole('application', { name: /Five whys graph/ });
  await canvas.focus();
  await page.keyboard.press('F2');
  await page.keyboard.type('Checkout returned 500s');
  await page.keyboard.press('Enter');

  // Branch 1: five whys deep, each Tab asks the next why.
  const chain = [
    'The database was overloaded',
    'A batch job ran at peak',
    'The job was rescheduled',
    'The scheduler moved it',
    'The scheduler has no peak-hours rule',
  ];
  for (const text of chain) {
    await page.keyboard.press('Tab');
    await answer(page, text);
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await expect(node(page, 'The scheduler has no peak-hours rule')).toContainText('Root cause');

  // Branch 2 from the second level: ArrowUp x3 to "A batch job ran at peak", then Enter adds a sibling.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await answer(page, 'Connection pool was too small');
  for (const text of ['Pool size is a hard-coded default', 'No load test covers peak traffic']) {
    await page.keyboard.press('Tab');
    await answer(page, text);
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await expect(page.locator('.why-root')).toHaveCount(2);
  await expect(page.locator('.why-node')).toHaveCount(1 + 5 + 3);

  // Pitfall prompt links to its node.
  await page.getByRole('button', { name: /Root cause "No load test covers peak traffic" has no action item/ }).click();
  await expect(node(page, 'No load test covers peak traffic')).toHaveClass(/why-selected/);

  // Undo the last root-cause mark, then redo it.
  await canvas.focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.why-root')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.why-root')).toHaveCount(2);

  // Delete removes the subtree; undo brings it back.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(node(page, 'Connection pool was too small')).toHaveClass(/why-selected/);
  await page.keyboard.press('Delete');
  await expect(page.locator('.why-node')).toHaveCount(1 + 5);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.why-node')).toHaveCount(1 + 5 + 3);

  // Help overlay lists the keys.
  await canvas.focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Five whys keyboard shortcuts' })).toContainText(
    'Mark or unmark the selected node as a root cause',
  );
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);
  await page.reload();
  await page.getByRole('button', { name: 'Checkout outage', exact: true }).click();
  await expect(page.locator('.why-node')).toHaveCount(1 + 5 + 3);
  await expect(page.locator('.why-root')).toHaveCount(2);
  await expect(node(page, 'Pool size is a hard-coded default')).toBeVisible();
});

test('drag a node onto another to move it, and a move into its own subtree is refused', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.press('Enter'); // create, untitled, from the New postmortem dialog
  const canvas = page.getByRole('application', { name: /Five whys graph/ });
  await canvas.focus();
  await page.keyboard.press('Tab');
  await answer(page, 'Alpha answer');
  await page.keyboard.press('Tab');
  await answer(page, 'Beta answer');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await answer(page, 'Gamma answer');
  await page.keyboard.press('Escape');

  /** A node's box once it has stopped moving (layout and keep-in-view both move nodes). */
  const settledBox = async (text: string) => {
    let last = await node(page, text).boundingBox();
    for (let i = 0; i < 20; i += 1) {
      await page.waitForTimeout(100);
      const now = await node(page, text).boundingBox();
      if (now && last && now.x === last.x && now.y === last.y) return now;
      last = now;
    }
    return last;
  };
  const dragOnto = async (from: string, to: string) => {
    await expect(node(page, to)).toBeVisible();
    await canvas.scrollIntoViewIfNeeded();
    const source = await settledBox(from);
    const target = await settledBox(to);
    if (!source || !target) throw new Error('nodes not on screen');
    await page.mouse.move(source.x + 20, source.y + 10);
    await page.mouse.down();
    await page.mouse.move(target.x + 40, target.y + 20, { steps: 12 });
    await page.mouse.up();
  };
  // Gamma is a top-level why beside Alpha; drop it onto Beta (Alpha's child).
  await dragOnto('Gamma answer', 'Beta answer');
  await expect(page.getByText('Moved. Ctrl+Z moves it back.')).toBeVisible();
  await node(page, 'Gamma answer').click();
  await expect(page.locator('.why-chain')).toContainText('Beta answer');

  // Fit the whole tree in view (selecting Gamma centred it), then try a move that would loop.
  await page.locator('.react-flow__controls-fitview').click();
  await dragOnto('Alpha answer', 'Gamma answer');
  await expect(page.getByText(/would make a loop/)).toBeVisible();
});

/** A new postmortem with the symptom and one chain of whys typed by keyboard; the last why stays selected. */
async function chainOfWhys(page: Page, answers: readonly string[]) {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.keyboard.type('Search outage');
  await page.keyboard.press('Enter'); // create, from the New postmortem dialog
  const canvas = page.getByRole('application', { name: /Five whys graph/ });
  await canvas.focus();
  await page.keyboard.press('F2');
  await page.keyboard.type('Search results were empty');
  await page.keyboard.press('Enter');
  for (const text of answers) {
    await page.keyboard.press('Tab');
    await answer(page, text);
  }
  await page.keyboard.press('Escape');
  return canvas;
}

test('keys pressed before a new why takes the focus still count: its answer, Tab for the next why, Escape', async ({
  page,
}) => {
  const canvas = await chainOfWhys(page, []);
  // A new why's field takes the focus once it has been drawn. Keys sent in one go, before
  // any frame, reach the canvas instead and must do what they would do in the field.
  await canvas.evaluate((element) => {
    const press = (key: string) =>
      element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    press('Tab');
    for (const key of 'Disk full') press(key);
    press('Tab');
    for (const key of 'Logs grew') press(key);
    press('Escape');
  });
  await expect(node(page, 'Disk full')).toBeVisible();
  await expect(node(page, 'Logs grew')).toHaveClass(/why-selected/);
  await expect(page.locator('.why-editor')).toHaveCount(0);
  await expect(canvas).toBeFocused();
  // The second why hangs under the first.
  await expect(page.locator('.why-chain')).toContainText('Disk full');
  await expect(page.locator('.why-chain')).toContainText('Logs grew');
  // The canvas has the keyboard again: R marks the selected why.
  await page.keyboard.press('r');
  await expect(node(page, 'Logs grew')).toContainText('Root cause');
});

test('hovering a node shows its chain to the symptom without moving the selection', async ({ page }) => {
  const canvas = await chainOfWhys(page, [
    'The index was empty',
    'The rebuild job wrote nothing',
    'Its input path was renamed',
  ]);
  // Select the top why by keyboard: the panel shows its short chain.
  await canvas.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const top = node(page, 'The index was empty');
  await expect(top).toHaveClass(/why-selected/);
  const panel = page.locator('.why-chain');
  await expect(panel).toContainText('The index was empty');
  await expect(panel).not.toContainText('Its input path was renamed');

  // Hovering the deepest why shows its whole chain; the selection stays where it was.
  const deep = node(page, 'Its input path was renamed');
  await deep.hover();
  await expect(panel).toContainText('Search results were empty');
  await expect(panel).toContainText('The rebuild job wrote nothing');
  await expect(panel).toContainText('Its input path was renamed');
  await expect(top).toHaveClass(/why-selected/);
  await expect(deep).not.toHaveClass(/why-selected/);

  // Leaving it brings back the selected node's chain.
  await page.mouse.move(5, 5);
  await expect(panel).not.toContainText('Its input path was renamed');
  await expect(panel).toContainText('The index was empty');
});

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the graph exports as a PNG and as an SVG holding the whys', async ({ page }, testInfo) => {
  await chainOfWhys(page, ['The cache expired at once', 'Every key had the same lifetime']);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  const save = async (button: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    // Kept beside the test's results, to look at when the image is wrong.
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), bytes: await readFile(file) };
  };

  const png = await save('PNG');
  expect(png.name).toBe('five-whys.png');
  const size = pngSize(png.bytes);
  // Three nodes 300 px wide, one under another: the image holds them at readable size.
  expect(size.width).toBeGreaterThanOrEqual(300);
  expect(size.height).toBeGreaterThanOrEqual(300);
  expect(png.bytes.length).toBeGreaterThan(2000);

  const svg = await save('SVG');
  expect(svg.name).toBe('five-whys.svg');
  const markup = svg.bytes.toString('utf8');
  // Parsed in a blank page: the app's CSP would report every style attribute of a document made there.
  expect(errors).toEqual([]);
  const blank = await page.context().newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      text: doc.documentElement.textContent ?? '',
      edges: [...doc.querySelectorAll('.react-flow__edge-path')].map((p) => p.getAttribute('style') ?? ''),
    };
  }, markup);
  // The graph fills the image: what is drawn spans most of it, not a speck in the middle.
  const ink = await blank.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    let [left, right, top, bottom] = [image.width, -1, image.height, -1];
    for (let y = 0; y < image.height; y += 1)
      for (let x = 0; x < image.width; x += 1) {
        const i = (y * image.width + x) * 4;
        if (data[i] !== r0 || data[i + 1] !== g0 || data[i + 2] !== b0) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    return { width: right - left, height: bottom - top };
  }, png.bytes.toString('base64'));
  expect(ink.width).toBeGreaterThan(size.width * 0.7);
  expect(ink.height).toBeGreaterThan(size.height * 0.7);
  await blank.close();
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.text).toContain('Every key had the same lifetime');
  expect(parsed.text).toContain('Search results were empty');
  // The image has none of the page's style sheets: each edge carries its own stroke.
  expect(parsed.edges).toHaveLength(2);
  for (const edge of parsed.edges) expect(edge).toMatch(/stroke: rgb/);
  await expect(page.getByRole('status').filter({ hasText: 'Saved five-whys.svg' })).toBeVisible();
});

test('tag a root cause by keyboard: Enter adds, Backspace removes, a bad tag is explained; tags survive reload and export', async ({
  page,
}) => {
  await chainOfWhys(page, ['The proxy config was invalid', 'Config pushes skip the canary']);
  const cause = node(page, 'Config pushes skip the canary');
  await page.keyboard.press('r');
  await expect(cause).toContainText('Root cause');
  await page.keyboard.press('F2');
  await page.keyboard.press('Tab'); // from the answer to the tags
  const field = page.getByRole('textbox', { name: 'Root-cause tags' });
  await expect(field).toBeFocused();
  await page.keyboard.type('config-push');
  await page.keyboard.press('Enter');
  await page.keyboard.type('No canary');
  await page.keyboard.press('Enter');
  // While the node is being edited its answer is a field: find the node by the tag field in it.
  const tags = page
    .locator('.why-node')
    .filter({ has: field })
    .getByRole('list', { name: 'Tags' })
    .getByRole('listitem');
  await expect(tags).toHaveText(['config-push×', 'no-canary×']);

  // A tag that cannot be stored stays in the field with the reason.
  await page.keyboard.type('bad/tag');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('"bad/tag" cannot be a tag');
  await expect(field).toHaveValue('bad/tag');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  // Clearing the field, then Backspace in it, removes the last tag; it is typed again.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(tags).toHaveText(['config-push×']);
  await page.keyboard.type('no-canary');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(cause.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([
    'config-push',
    'no-canary',
  ]);

  // Each tag is one undo step, as other graph edits are.
  const viewTags = cause.getByRole('list', { name: 'Tags' }).getByRole('listitem');
  await page.keyboard.press('Control+z');
  await expect(viewTags).toHaveText(['config-push']);
  await page.keyboard.press('Control+Shift+z');
  await expect(viewTags).toHaveText(['config-push', 'no-canary']);

  await expect(page.getByTestId('save-state')).toHaveText(/Saved/);
  await page.reload();
  await page.getByRole('button', { name: 'Search outage', exact: true }).click();
  await expect(
    node(page, 'Config pushes skip the canary').getByRole('list', { name: 'Tags' }).getByRole('listitem'),
  ).toHaveText(['config-push', 'no-canary']);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export…' }).click();
  const exported = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(exported).toContain('→ Config pushes skip the canary **(root cause)** Tags: `config-push`, `no-canary`');
});

/** The x and y of a `translate(x px, y px)` in an element's inline transform. */
async function translation(locator: ReturnType<Page['locator']>): Promise<[number, number]> {
  const transform = await locator.evaluate((el: HTMLElement) => el.style.transform);
  const match = /translate\((-?[\d.e-]+)px, (-?[\d.e-]+)px\)/.exec(transform);
  if (!match) throw new Error(`no translation in "${transform}"`);
  return [Number(match[1]), Number(match[2])];
}

test('a large graph keeps each new why in view, and its minimap frame follows panning and pans the canvas', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const canvas = await chainOfWhys(page, ['The first worker hung']);
  // Thirty-one siblings in a row: Enter adds the next, Escape leaves its editor. The row
  // soon runs past the canvas's right edge; each new why must still be shown.
  await canvas.focus();
  for (let i = 0; i < 31; i += 1) {
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
  }
  const box = await canvas.boundingBox();
  const newest = page.locator('.why-node.why-selected');
  await expect(newest).toHaveCount(1);
  await expect(async () => {
    const at = await newest.boundingBox();
    expect(at && box && at.x >= box.x && at.x + at.width <= box.x + box.width).toBe(true);
  }).toPass();

  // The minimap appears past 30 whys; panning the canvas to the left moves its frame right.
  await expect(page.getByRole('img', { name: /Minimap of the whole graph/ })).toBeVisible();
  const frame = page.locator('.why-minimap-frame');
  const before = await translation(frame);
  const pane = page.locator('.why-canvas .react-flow__pane');
  const paneBox = await pane.boundingBox();
  if (!paneBox || !box) throw new Error('no canvas');
  // Drag from an empty spot near the top left (the graph hangs from the top middle).
  await page.mouse.move(paneBox.x + 60, paneBox.y + paneBox.height - 150);
  await page.mouse.down();
  await page.mouse.move(paneBox.x + 20, paneBox.y + paneBox.height - 150, { steps: 4 });
  await page.mouse.move(paneBox.x + 10, paneBox.y + paneBox.height - 150, { steps: 2 });
  await page.mouse.up();
  await expect.poll(async () => (await translation(frame))[0]).toBeGreaterThan(before[0]);

  // Dragging in the minimap to the left pans the canvas left (its content moves right).
  const viewport = page.locator('.why-canvas .react-flow__viewport');
  const [viewX] = await translation(viewport);
  const minimap = await page.locator('.why-minimap').boundingBox();
  if (!minimap) throw new Error('no minimap');
  await page.mouse.move(minimap.x + 100, minimap.y + 75);
  await page.mouse.down();
  await page.mouse.move(minimap.x + 80, minimap.y + 75, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await translation(viewport))[0]).toBeGreaterThan(viewX);
});

/** Opens a postmortem of `count` whys, three children each, breadth first (w0 on top). */
async function openBigGraph(page: Page, count: number) {
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `w${i}`,
    parentId: i === 0 ? null : `w${Math.floor((i - 1) / 3)}`,
    order: i === 0 ? 0 : (i - 1) % 3,
    question: `Why did step ${i} happen?`,
    answer: `Because condition ${i} held`,
    isRootCause: false,
    tags: [],
  }));
  const doc = {
    ...createPostmortem('big-graph', '2026-03-18T10:00:00.000Z'),
    title: 'Big graph',
    whys: { symptom: 'Checkout failed', nodes },
  };
  await page.goto('/');
  await page.getByRole('heading', { name: 'No postmortems yet' }).waitFor();
  await seedDocuments(page, [doc]);
  await page.reload();
  await page.getByRole('button', { name: 'Big graph', exact: true }).click();
}

test('a 150-why graph: arrows reach a why out of view and show it, Tab adds under it, the SVG holds every why', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // Three children per why, breadth first: w0 on top, its first children w1, w4, w13, w40, w121.
  await openBigGraph(page, 150);
  const canvas = page.getByRole('application', { name: /Five whys graph/ });
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();

  // Down the first branch to its leaf: each why the arrows reach is drawn inside the canvas.
  const inCanvas = async (testId: string) => {
    const box = await canvas.boundingBox();
    const at = await page.getByTestId(testId).boundingBox();
    return !!box && !!at && at.x >= box.x && at.y >= box.y && at.x + at.width <= box.x + box.width;
  };
  for (const id of ['w0', 'w1', 'w4', 'w13', 'w40', 'w121']) {
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId(`why-${id}`)).toHaveClass(/why-selected/);
    await expect.poll(() => inCanvas(`why-${id}`)).toBe(true);
  }
  // Tab asks the next why under the leaf, in view, with its editor focused.
  await page.keyboard.press('Tab');
  await page.keyboard.type('The retry budget was unbounded');
  await page.keyboard.press('Escape');
  const added = node(page, 'The retry budget was unbounded');
  await expect(added).toHaveClass(/why-selected/);
  await expect(added).toContainText('Why because condition 121 held?');

  // The image is of the whole graph, the whys out of view included.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'SVG', exact: true }).click(),
  ]);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const markup = await readFile(file, 'utf8');
  for (const i of [0, 75, 149]) expect(markup).toContain(`Because condition ${i} held`);
  expect(markup).toContain('The retry budget was unbounded');
});

test('a 150-why graph: its 100 prompts read as one list, and the last, scrolled to in the panel, selects its why', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Whys w50 to w149 are leaves with answers, none marked a root cause: a prompt each.
  await openBigGraph(page, 150);
  const panel = page.getByRole('complementary', { name: 'Five whys prompts' });
  const prompts = panel.getByRole('list', { name: 'Pitfall prompts' });
  await expect(prompts.getByRole('listitem')).toHaveCount(100);
  // Prompts far down the panel are skipped while out of its view: scrolling shows them.
  const last = prompts.getByRole('button', { name: /"Because condition 149 held" is where this path stops/ });
  await panel.scrollIntoViewIfNeeded();
  const box = await panel.boundingBox();
  if (!box) throw new Error('no prompts panel');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 400);
        const at = await last.boundingBox();
        return !!at && at.y + at.height <= box.y + box.height;
      },
      { timeout: 20_000, intervals: [100] },
    )
    .toBe(true);
  await last.click();
  await expect(page.getByTestId('why-w149')).toHaveClass(/why-selected/);

  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('.whys-side')
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

/**
 * Where each drawn line starts and ends, and where it should: at the middle of the bottom
 * edge of the why it leaves and of the top edge of the one it reaches (React Flow's lines
 * end on the 6 px handle dots, 3 px outside the node). In the graph's own coordinates.
 */
function linesAndEnds() {
  const nodes = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const el of document.querySelectorAll<HTMLElement>('.why-canvas .react-flow__node')) {
    const [, x = '0', y = '0'] = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(el.style.transform) ?? [];
    nodes.set(el.dataset['id'] ?? '', { x: Number(x), y: Number(y), width: el.offsetWidth, height: el.offsetHeight });
  }
  const lines = [];
  for (const edge of document.querySelectorAll<SVGElement>('.why-canvas .react-flow__edge')) {
    const [source = '', target = ''] = (edge.dataset['id'] ?? '').split('->');
    const from = nodes.get(source);
    const to = nodes.get(target);
    const d = edge.querySelector('.react-flow__edge-path')?.getAttribute('d') ?? '';
    const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    if (!from || !to || numbers.length < 4) continue;
    lines.push({
      id: edge.dataset['id'],
      drawn: [numbers[0], numbers[1], numbers.at(-2), numbers.at(-1)].map((n) => Math.round(n ?? NaN)),
      expected: [from.x + from.width / 2, from.y + from.height + 3, to.x + to.width / 2, to.y - 3].map(Math.round),
    });
  }
  return lines;
}

test('a 150-why graph opens drawing only the whys in view, and its lines meet the whys they join, after an edit too', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The most whys in the page at any moment since it loaded.
  await page.addInitScript(() => {
    const w = window as unknown as { __mostWhys: number };
    w.__mostWhys = 0;
    new MutationObserver(() => {
      w.__mostWhys = Math.max(w.__mostWhys, document.querySelectorAll('.react-flow__node').length);
    }).observe(document, { childList: true, subtree: true });
  });
  await openBigGraph(page, 150);
  const canvas = page.getByRole('application', { name: /Five whys graph/ });
  await expect(page.getByTestId('why-w0')).toBeVisible();
  // Every why in the fitted view is drawn; the rest of the 150 never were.
  const lines = async () => (await page.evaluate(linesAndEnds)).map(({ drawn, expected }) => ({ drawn, expected }));
  await expect.poll(async () => (await lines()).length).toBeGreaterThan(5);
  const most = await page.evaluate(() => (window as unknown as { __mostWhys: number }).__mostWhys);
  expect(most).toBeLessThan(150);
  await expect
    .poll(async () => (await lines()).every((l) => l.drawn.every((n, i) => Math.abs(n - (l.expected[i] ?? 0)) <= 1)))
    .toBe(true);

  // A longer answer makes w0 taller and moves the whys under it: the lines follow.
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('why-w0')).toHaveClass(/why-selected/);
  await page.keyboard.press('F2');
  await page.keyboard.type(' and the pool of connections was exhausted by retries from every client at once');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('why-w0')).toContainText('exhausted by retries');
  await expect
    .poll(async () => (await lines()).every((l) => l.drawn.every((n, i) => Math.abs(n - (l.expected[i] ?? 0)) <= 1)))
    .toBe(true);
  expect((await lines()).length).toBeGreaterThan(5);
});
