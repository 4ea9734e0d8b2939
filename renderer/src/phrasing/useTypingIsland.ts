/**
 * While a prose field is typed in, its box is a relayout boundary: a key then lays out
 * the field alone, not the page around it. In a long postmortem the page is about 2,900
 * layout objects, laid out twice a key, and a timeline row's cell re-sizes the whole
 * table; that was most of a key's cost after the app's own code.
 *
 * Chromium starts layout at a box, instead of at the document, when the box's size
 * cannot depend on what is inside it (size and layout containment) and it paints on a
 * layer of its own (will-change: transform); a flex or grid item never qualifies (so
 * ProseField puts the form in a plain block, which the row's layout places). So,
 * while the field has the focus, its form gets both (`[data-typing-island]` in styles.css)
 * and is told its own size through `contain-intrinsic-size`: the size it had at focus.
 * Its width still follows its container (width stays auto).
 *
 * The field still grows and shrinks with its text, and follows its container: when the
 * textarea changes size, the form's size follows. That runs in a ResizeObserver, after
 * layout and before paint, so the frame shows the right size. Any change takes the size
 * again: the form's width can depend on its text (a field in a table column or a flex
 * row), and only an uncontained layout finds it. Where the width cannot depend on the
 * text (`fixedWidth`: a why's editor in its 300 px node), a line more or less moves the
 * form's height by as much, written straight in: taking the size again meant lifting the
 * containment and reading the layout back, two more layouts of the whole page in the
 * frame of every key that wraps a line (the node grows, and React Flow measures it in the
 * same frame).
 */
import { useLayoutEffect, type RefObject } from 'react';

/** An attribute, not a class: React rewrites the form's class as prompts come and go. */
const ISLAND = 'data-typing-island';

/**
 * Takes the form's size as laid out without containment, and contains it at that size.
 * Returns its width and height in CSS px.
 */
function contain(form: HTMLElement): { width: string; height: number } {
  form.removeAttribute(ISLAND);
  // Used values in CSS px, before any transform (the why graph's zoom): what layout gave it.
  const { width, height } = getComputedStyle(form);
  form.style.containIntrinsicSize = `${width} ${height}`;
  form.setAttribute(ISLAND, '');
  return { width, height: parseFloat(height) };
}

function release(form: HTMLElement): void {
  form.removeAttribute(ISLAND);
  form.style.containIntrinsicSize = '';
}

export function useTypingIsland(
  form: RefObject<HTMLElement | null>,
  field: RefObject<HTMLElement | null>,
  typing: boolean,
  fixedWidth = false,
): void {
  useLayoutEffect(() => {
    const box = form.current;
    const textarea = field.current;
    if (!typing || !box || !textarea) return;
    let taken = contain(box);
    // The textarea's size when the form's size was last set.
    let at: { inline: number; block: number } | null = null;
    const resized = new ResizeObserver((entries) => {
      const size = entries[entries.length - 1]?.borderBoxSize[0];
      if (!size) return;
      if (fixedWidth && at && size.inlineSize === at.inline) {
        if (size.blockSize === at.block) return;
        taken.height += size.blockSize - at.block;
        box.style.containIntrinsicSize = `${taken.width} ${taken.height}px`;
      } else {
        // The first report too: text pasted or filled in before the first frame after
        // the focus has already grown the field by then.
        taken = contain(box);
      }
      at = { inline: size.inlineSize, block: size.blockSize };
    });
    resized.observe(textarea);
    return () => {
      resized.disconnect();
      release(box);
    };
  }, [form, field, typing, fixedWidth]);
}
