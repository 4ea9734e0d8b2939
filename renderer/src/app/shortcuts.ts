/**
 * Every keyboard shortcut the app has, as data: the shortcuts dialog lists it, and the
 * five-whys graph shows its own group from here, so one list is kept up to date.
 * "Ctrl" means Cmd on macOS.
 */
export interface ShortcutGroup {
  title: string;
  /** When the group's keys work, said once under its title. */
  when?: string;
  /** Keys of the native menu, which a browser tab does not have. */
  desktopOnly?: boolean;
  keys: readonly (readonly [keys: string, what: string])[];
}

export const WHY_SHORTCUTS: ShortcutGroup = {
  title: 'Five Whys graph',
  when: 'Click the graph (or Tab into it) first.',
  keys: [
    ['Tab', 'Ask why: add a child to the selected node (then type its answer)'],
    ['Enter', 'Add a sibling: another answer to the same question'],
    ['F2, or start typing', 'Edit the selected node'],
    ['Enter or Escape while editing', 'Stop editing (Shift+Enter: new line)'],
    ['Tab while editing the answer', 'Stop editing and ask the next why (on a root cause: go to its tags)'],
    ['Enter, Backspace in a root cause’s tags', 'Add the typed tag; in the empty field, remove the last tag'],
    ['Arrow keys', 'Move along the tree: parent, first child, siblings'],
    ['R', 'Mark or unmark the selected node as a root cause'],
    ['Space', 'Collapse or expand the subtree'],
    ['Delete', 'Delete the node and everything under it (Ctrl+Z restores)'],
    ['Ctrl+Z, Ctrl+Shift+Z', 'Undo, redo'],
    ['Drag a node onto another', 'Move it, with its subtree, under that node'],
    ['?', 'Show the graph keys'],
  ],
};

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    keys: [
      ['? or Ctrl+/', 'Show this list'],
      ['Ctrl+Shift+L', 'Back to the library (the postmortem is saved first)'],
      ['Ctrl+Z', 'Undo the last change to the postmortem'],
      ['Ctrl+Shift+Z or Ctrl+Y', 'Redo'],
    ],
  },
  {
    title: 'Library',
    when: 'When no field has the cursor.',
    keys: [
      ['N', 'New postmortem (a short dialog: Enter creates, Escape cancels)'],
      ['I', 'Import a markdown postmortem'],
      ['M', 'Program metrics: charts across every postmortem'],
      ['Tab, Enter', 'Move between postmortems, open one'],
      ['Delete on a postmortem', 'Move it to the trash (it can be restored)'],
    ],
  },
  {
    title: 'Postmortem',
    keys: [
      ['Ctrl+Shift+P', 'Show or hide the markdown preview'],
      ['Ctrl+Shift+K', 'Show or hide the phrasing prompts'],
      ['Ctrl+Shift+M', 'Show or hide the facilitator console'],
      ['F5', 'Present: full screen, large type, only what the room should see'],
      ['Escape', 'Stop presenting'],
    ],
  },
  {
    title: 'Meeting timer',
    when: 'While a meeting runs, and no field or button has the focus.',
    keys: [
      ['Space', 'Pause or resume'],
      ['N', 'Next phase'],
      ['P', 'Previous phase'],
      ['E', 'Add 5 minutes to the current phase'],
    ],
  },
  {
    title: 'Writing',
    keys: [
      ['Enter', 'In a timeline event or list item: add the next one'],
      ['Backspace in an empty list item', 'Remove it'],
      ['Alt+↑ / Alt+↓', 'Move the contributing factor you are editing up or down'],
      ['Alt+1, Alt+2, Alt+3', 'Apply a suggested rewording of underlined phrasing'],
      ['Ctrl+.', 'Move to the phrasing card of the underlined words'],
    ],
  },
  WHY_SHORTCUTS,
  {
    title: 'Desktop app',
    desktopOnly: true,
    keys: [
      ['Ctrl+N', 'New postmortem'],
      ['Ctrl+O', 'Import a markdown postmortem'],
      ['Ctrl+W, Ctrl+Q', 'Close the window, quit (the postmortem is saved first)'],
      ['Ctrl+0, Ctrl+=, Ctrl+-', 'Reset zoom, zoom in, zoom out'],
      ['F11', 'Full screen'],
    ],
  },
];
