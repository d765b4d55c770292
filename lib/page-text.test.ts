import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { createMatcher, type MatchableEntry } from '../core/matcher/matcher';
import { blockSeparator, collectPageText, isBlockElement, isSkippedElement, textUnits, type PageText } from './page-text';

function pageText(html: string): PageText {
  const { document } = parseHTML(`<!doctype html><html><head><title>Page title</title></head><body>${html}</body></html>`);
  return collectPageText(document.body);
}

function expectNodesMapBack({ text, nodes, starts }: PageText): void {
  expect(starts).toHaveLength(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    expect(text.slice(starts[i]!, starts[i]! + nodes[i]!.data.length)).toBe(nodes[i]!.data);
    if (i > 0) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]! + nodes[i - 1]!.data.length);
  }
}

const entries: MatchableEntry[] = [{ id: 'mobile-fortify', kind: 'tool', name: 'Mobile Fortify', aliases: [] }];
const matcher = createMatcher(entries);

describe('collectPageText', () => {
  test('joins inline text without separators', () => {
    const page = pageText('<p>Agents used <b>Mobile</b> <i>Fortify</i> today.</p>');
    expect(page.text).toBe('Agents used Mobile Fortify today.');
    expect(matcher.scan(page.text).map((m) => m.text)).toEqual(['Mobile Fortify']);
    expectNodesMapBack(page);
  });

  test('separates blocks with a blank line', () => {
    expect(blockSeparator).toBe('\n\n');
    const page = pageText('<h1>Title</h1><p>First.</p><div>Second</div><ul><li>one</li><li>two</li></ul>');
    expect(page.text).toBe('Title\n\nFirst.\n\nSecond\n\none\n\ntwo');
    expectNodesMapBack(page);
  });

  test('no mention runs across two paragraphs, list items, cells or a <br>', () => {
    for (const html of [
      '<p>Mobile</p><p>Fortify</p>',
      '<ul><li>Mobile</li><li>Fortify</li></ul>',
      '<table><tr><td>Mobile</td><td>Fortify</td></tr></table>',
      'Mobile<br>Fortify',
      '<span>Mobile</span><div>Fortify</div>',
    ]) {
      const page = pageText(html);
      expect(matcher.scan(page.text), html).toEqual([]);
    }
  });

  test.each([
    ['script', '<script>var x = "Mobile Fortify";</script>'],
    ['style', '<style>.mobile-fortify::after { content: "Mobile Fortify" }</style>'],
    ['code', '<code>Mobile Fortify</code>'],
    ['pre', '<pre>Mobile Fortify</pre>'],
    ['textarea', '<textarea>Mobile Fortify</textarea>'],
    ['select/option', '<select><option>Mobile Fortify</option></select>'],
    ['button', '<button>Mobile Fortify</button>'],
    ['noscript', '<noscript>Mobile Fortify</noscript>'],
    ['template', '<template>Mobile Fortify</template>'],
    ['contenteditable', '<div contenteditable="true">Mobile Fortify</div>'],
    ['contenteditable (empty value)', '<div contenteditable>Mobile Fortify</div>'],
    ['contenteditable plaintext-only', '<p contenteditable="plaintext-only">Mobile Fortify</p>'],
    ['hidden', '<p hidden>Mobile Fortify</p>'],
    ['our own UI', '<watchwords-ui><span>Mobile Fortify</span></watchwords-ui>'],
    ['svg', '<svg><text>Mobile Fortify</text></svg>'],
  ])('skips %s', (_, html) => {
    const page = pageText(`<p>Before.</p>${html}<p>After.</p>`);
    expect(page.text).not.toContain('Mobile');
    expect(page.text).not.toContain('Fortify');
    expect(page.text).toContain('Before.');
    expect(page.text).toContain('After.');
    expect(matcher.scan(page.text)).toEqual([]);
    expectNodesMapBack(page);
  });

  test('skips an input (it has no text children, and its value is never read)', () => {
    const page = pageText('<p>Search: <input value="Mobile Fortify"> now</p>');
    expect(page.text).not.toContain('Fortify');
  });

  test('skips the title in <head> when given the whole document', () => {
    const { document } = parseHTML('<html><head><title>Mobile Fortify</title></head><body><p>Body text.</p></body></html>');
    expect(collectPageText(document.documentElement).text).toBe('Body text.');
  });

  test('contenteditable="false" inside an editable region is still read', () => {
    const page = pageText('<div contenteditable="false">Mobile Fortify</div>');
    expect(page.text).toBe('Mobile Fortify');
  });

  test('skipped content separates what is around it: no mention is stitched across it', () => {
    const page = pageText('<p>Mobile<code>x</code> Fortify</p>');
    expect(page.text).not.toMatch(/Mobile Fortify/);
    expect(matcher.scan(page.text)).toEqual([]);
    expectNodesMapBack(page);
  });

  test('nodes and starts map back exactly to the text, also with skipped parts, entities and emoji', () => {
    const page = pageText(
      '<article><h2>\u{1F4F7} Caf\u00e9 &amp; Co</h2><p>One <a href="#">link</a> and <em>Mobile   Fortify</em>.</p>' +
        '<script>ignored()</script><p>Tail&nbsp;text<br>after break</p><watchwords-ui>ui</watchwords-ui><p>End</p></article>',
    );
    expectNodesMapBack(page);
    expect(page.nodes.map((node) => node.data).join('')).toBe(page.text.replaceAll(blockSeparator, ''));
    const [mention] = matcher.scan(page.text);
    expect(mention?.text).toBe('Mobile   Fortify');
    // The mention lies inside one text node, found through starts.
    const index = page.starts.findLastIndex((start) => start <= mention!.start);
    expect(page.nodes[index]!.data.slice(mention!.start - page.starts[index]!, mention!.end - page.starts[index]!)).toBe('Mobile   Fortify');
  });

  test('no leading separator and no separator for an empty body', () => {
    expect(pageText('').text).toBe('');
    expect(pageText('<div><p>Only</p></div>').text).toBe('Only');
  });
});

describe('isSkippedElement', () => {
  test('is true for skipped tags, hidden and editable elements, false otherwise', () => {
    const { document } = parseHTML(
      '<body><code id="a"></code><p id="b"></p><p id="c" hidden></p><p id="d" contenteditable=""></p><p id="e" contenteditable="false"></p><watchwords-ui id="f"></watchwords-ui></body>',
    );
    const skipped = (id: string) => isSkippedElement(document.getElementById(id)!);
    expect([skipped('a'), skipped('b'), skipped('c'), skipped('d'), skipped('e'), skipped('f')]).toEqual([true, false, true, true, false, true]);
  });
});

// The walk as it was first written (a stack of [node, leaving] pairs), the reference for the one without a stack.
function* referenceUnits(root: Node): Generator<PageText> {
  let unit: PageText = { text: '', nodes: [], starts: [] };
  const parts: string[] = [];
  const flush = function* (): Generator<PageText> {
    if (!unit.nodes.length) return;
    unit.text = parts.join('');
    yield unit;
    unit = { text: '', nodes: [], starts: [] };
    parts.length = 0;
  };
  let length = 0;
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!data) continue;
      if (!unit.nodes.length) length = 0;
      unit.nodes.push(node as Text);
      unit.starts.push(length);
      parts.push(data);
      length += data.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const edge = isBlockElement(element);
    if (leaving) {
      if (edge) yield* flush();
      continue;
    }
    if (isSkippedElement(element)) {
      yield* flush();
      continue;
    }
    if (edge) yield* flush();
    stack.push([element, true]);
    const children: Node[] = [];
    for (let child = element.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
  }
  yield* flush();
}

describe('textUnits', () => {
  const tags = ['p', 'div', 'span', 'b', 'a', 'li', 'ul', 'br', 'script', 'code', 'textarea', 'td', 'em', 'section', 'svg'];
  const tree: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('Mobile', ' Fortify', 'text', ' ', '', 'ICE\n', 'a\u00ADb') },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...tags), fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(([tag, children, hidden]) => `<${tag}${hidden ? ' hidden' : ''}>${children.join('')}</${tag}>`) },
    ),
  })).node as fc.Arbitrary<string>;

  test('gives the units the walk with a stack gave, from the body or from any element in it', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), fc.nat(), (children, pick) => {
        const { document } = parseHTML(`<!doctype html><html><body>${children.join('')}</body></html>`);
        const elements = [document.body, ...document.body.querySelectorAll('*')];
        const root = elements[pick % elements.length]!;
        const units = (walk: (root: Node) => Generator<PageText>) => [...walk(root)].map((unit) => ({ text: unit.text, nodes: unit.nodes, starts: unit.starts }));
        expect(units(textUnits)).toEqual(units(referenceUnits));
      }),
      { numRuns: 500 },
    );
  });
});
