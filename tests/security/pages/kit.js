// The hostile pages' toolkit: what any web page can do with ordinary scripts, nothing more. Loaded first, in
// <head>, so its listeners are the page's earliest. Everything a page learns goes into window.__loot (strings),
// which the tests read and search for the reader's data.
(() => {
  'use strict';
  const loot = [];
  const events = [];
  const own = new WeakSet();
  // Safe handles on the DOM, taken before any named element can shadow a document property (clobbering pages).
  const D = Document.prototype;
  const bodyOf = Object.getOwnPropertyDescriptor(D, 'body').get;
  const rootOf = Object.getOwnPropertyDescriptor(D, 'documentElement').get;
  const activeOf = Object.getOwnPropertyDescriptor(D, 'activeElement').get;
  const call = (name, ...args) => D[name].apply(document, args);
  const dom = {
    body: () => bodyOf.call(document),
    root: () => rootOf.call(document),
    active: () => activeOf.call(document),
    all: (selector) => [...call('querySelectorAll', selector)],
    walker: (root, what) => call('createTreeWalker', root, what),
    range: () => call('createRange'),
    element: (tag) => call('createElement', tag),
    at: (x, y) => call('elementFromPoint', x, y),
    selection: () => window.getSelection(),
  };
  // The real registry, kept before any page script can replace the global (poisoning pages).
  const highlightRegistry = window.CSS?.highlights;
  const kit = {
    dom,
    loot,
    events,
    /** While true, sniffed events are kept (the test sets it around the reader's typing). */
    recording: false,
    /** Everything a page-visible message carried (WXT's start-up message, anything a frame posts to the page). */
    messages: [],
    /** Event names seen in page-visible messages that look like an extension's own. */
    extensionEventNames: new Set(),
  };
  window.kit = kit;

  const taken = new Set();
  kit.take = (label, value) => {
    if (value === undefined || value === null) return;
    if (loot.length > 20000) return;
    const text = (typeof value === 'string' ? value : safeJson(value))?.slice(0, 20000);
    if (!text || !text.trim() || taken.has(text)) return;
    taken.add(text);
    loot.push(`${label}: ${text}`);
  };
  kit.sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  kit.frame = () => new Promise((done) => requestAnimationFrame(() => done()));

  function safeJson(value) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }

  // Every message posted to this window, from the first moment: WXT announces its content scripts this way.
  window.addEventListener(
    'message',
    (event) => {
      kit.messages.push(event.data);
      kit.take('message', event.data);
      const type = event.data && typeof event.data === 'object' ? event.data.type : undefined;
      if (typeof type === 'string' && type.includes(':')) kit.extensionEventNames.add(type);
    },
    true,
  );

  /** The page's own elements are marked as it makes them; anything else in the document was put there by someone else. */
  kit.markOwn = (root = dom.root()) => {
    if (!root) return;
    own.add(root);
    for (const element of root.querySelectorAll('*')) own.add(element);
  };
  kit.make = (tag, properties = {}) => {
    const element = Object.assign(dom.element(tag), properties);
    own.add(element);
    return element;
  };
  kit.foreign = () => dom.all('*').filter((element) => !own.has(element));
  /**
   * Makes each of our elements a fixed box over the whole viewport, so that transforms, filters and clip paths on it
   * work in viewport coordinates (and its fixed-position content stays where it was).
   */
  kit.pinForeign = () => {
    for (const element of kit.foreign()) {
      if (element.parentElement && !own.has(element.parentElement)) continue;
      for (const [name, value] of [['position', 'fixed'], ['left', '0'], ['top', '0'], ['width', '100vw'], ['height', '100vh'], ['margin', '0'], ['display', 'block']]) {
        element.style.setProperty(name, value, 'important');
      }
    }
  };
  EventTarget.prototype.addEventListener.call(document, 'DOMContentLoaded', () => kit.markOwn(), true);

  /** The viewport centres of every occurrence of `text` in the page's own text nodes. */
  kit.pointsOf = (text) => {
    const points = [];
    const walker = dom.walker(dom.body(), NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      let index = node.data.indexOf(text);
      while (index !== -1) {
        const range = dom.range();
        range.setStart(node, index);
        range.setEnd(node, index + text.length);
        const box = range.getClientRects()[0];
        if (box) points.push({ x: box.left + box.width / 2, y: box.top + box.height / 2, range });
        index = node.data.indexOf(text, index + 1);
      }
    }
    return points;
  };
  /** Selects the first occurrence of `text`, as a reader's drag would (the selection only; no events). */
  kit.select = (text) => {
    kit.scrollTo(text);
    const [first] = kit.pointsOf(text);
    if (!first) throw new Error(`no text ${text}`);
    dom.selection().removeAllRanges();
    dom.selection().addRange(first.range);
    return { x: first.x, y: first.y };
  };
  kit.scrollTo = (text) => {
    const [first] = kit.pointsOf(text);
    first?.range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  };

  /** Untrusted pointer and mouse events at a viewport point, as if the pointer rested there. */
  kit.forgeHover = (x, y) => {
    const target = dom.at(x, y) ?? dom.body();
    const init = { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, screenX: x, screenY: y, view: window, pointerType: 'mouse', isPrimary: true, pointerId: 1 };
    for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter']) target.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init));
    for (let i = 0; i < 3; i++) {
      target.dispatchEvent(new PointerEvent('pointermove', init));
      target.dispatchEvent(new MouseEvent('mousemove', init));
      document.dispatchEvent(new PointerEvent('pointermove', init));
      window.dispatchEvent(new PointerEvent('pointermove', init));
    }
  };
  /** Forged hovers on every occurrence of each text, waiting as long as a reader's pointer would rest. */
  kit.forgeHoverOn = async (texts, rest = 900) => {
    for (const text of texts) {
      kit.scrollTo(text);
      await kit.frame();
      for (const point of kit.pointsOf(text).slice(0, 2)) {
        kit.forgeHover(point.x, point.y);
        await kit.sleep(rest);
        kit.forgeHover(point.x, point.y);
        await kit.sleep(200);
        kit.readAll(`after forged hover on ${text}`);
      }
    }
  };

  /** Untrusted keyboard events, dispatched at `target` (default: whatever has focus, else every foreign element). */
  kit.forgeKey = (init, targets) => {
    const list = targets ?? [dom.active() ?? dom.body(), ...kit.foreign()];
    for (const target of list) {
      for (const type of ['keydown', 'keypress', 'keyup']) {
        target.dispatchEvent(new KeyboardEvent(type, { bubbles: true, composed: true, cancelable: true, ...init }));
      }
    }
  };

  /** The labels Watchwords' UI shows (public: anyone can install it and look). */
  kit.uiLabels = ['Your note', 'Your notes', 'Tags', 'Sources', 'Add note', 'Add a note', 'Save note', 'Not this', 'Pause on this site', 'Facts as of', 'Close', 'Cancel', 'On '];

  /** Reads whatever the page can read, with every technique, into the loot. */
  kit.readAll = (why = '') => {
    const selection = dom.selection();
    const saved = selection.rangeCount ? selection.getRangeAt(0).cloneRange() : undefined;
    const tag = (what) => `${what}${why ? ` (${why})` : ''}`;
    // window.find() for the UI's labels, then the selection extended from each hit.
    for (const label of kit.uiLabels) {
      try {
        selection.removeAllRanges();
        for (let hit = 0; hit < 3 && window.find(label, false, false, true, false, false, false); hit++) {
          const anchor = selection.anchorNode;
          kit.take(tag(`find "${label}" anchor`), anchor && anchor.nodeType === Node.TEXT_NODE ? anchor.data : undefined);
          // Extended a step at a time (a single long step stops at the shadow boundary in some browsers).
          for (const [unit, steps] of [['word', 80], ['line', 8], ['character', 400], ['paragraph', 3], ['documentboundary', 1]]) {
            const range = selection.rangeCount ? selection.getRangeAt(0).cloneRange() : undefined;
            for (let step = 0; step < steps; step++) selection.modify('extend', 'forward', unit);
            kit.take(tag(`find "${label}" + ${steps} ${unit}`), selection.toString());
            if (range) {
              selection.removeAllRanges();
              selection.addRange(range);
            }
          }
          selection.collapseToEnd();
        }
      } catch (error) {
        kit.take(tag('find error'), String(error));
      }
    }
    // Select all, every way.
    try {
      selection.removeAllRanges();
      document.execCommand('selectAll');
      kit.take(tag('execCommand selectAll'), selection.toString());
      selection.selectAllChildren(dom.root());
      kit.take(tag('selectAllChildren'), selection.toString());
    } catch (error) {
      kit.take(tag('select error'), String(error));
    }
    kit.take(tag('innerText'), dom.root().innerText);
    kit.take(tag('textContent'), dom.root().textContent);
    // Whatever was put into the page that the page did not make.
    for (const element of kit.foreign()) {
      kit.take(tag(`foreign <${element.localName}> attributes`), [...element.attributes].map((a) => `${a.name}=${a.value}`).join(' '));
      kit.take(tag(`foreign <${element.localName}> text`), element.textContent);
      kit.take(tag(`foreign <${element.localName}> innerText`), element.innerText);
      kit.take(tag(`foreign <${element.localName}> shadowRoot`), element.shadowRoot?.innerHTML);
      try {
        kit.take(tag(`foreign <${element.localName}> getHTML`), element.getHTML?.({ serializableShadowRoots: true }));
      } catch {}
      try {
        kit.take(tag(`foreign <${element.localName}> contentDocument`), element.contentDocument?.documentElement?.outerHTML);
      } catch {}
      for (const pseudo of ['::before', '::after']) kit.take(tag(`foreign ${pseudo}`), getComputedStyle(element, pseudo).content.replace(/^none$|^normal$/, ''));
    }
    // Frames.
    for (let i = 0; i < window.frames.length; i++) {
      try {
        kit.take(tag(`frame ${i} name`), window.frames[i].name);
      } catch {}
      try {
        kit.take(tag(`frame ${i} text`), window.frames[i].document.documentElement.innerText);
      } catch {}
      try {
        kit.take(tag(`frame ${i} location`), String(window.frames[i].location.href));
      } catch {}
    }
    // The focused element, and what it holds.
    const active = dom.active();
    if (active && active !== dom.body()) {
      kit.take(tag('activeElement value'), active.value);
      kit.take(tag('activeElement text'), active.textContent);
    }
    selection.removeAllRanges();
    if (saved) selection.addRange(saved);
  };

  /** The texts of every range in the shared CSS highlight registry, by name. */
  kit.highlights = () => {
    const found = [];
    if (!highlightRegistry) return found;
    for (const [name, highlight] of highlightRegistry) for (const range of highlight) found.push({ name, text: range.toString() });
    return found;
  };

  /** Keeps every event of `types` seen at the window and the document, capturing and bubbling, while recording. */
  kit.sniff = (types) => {
    for (const type of types) {
      const keep = (where) => (event) => {
        if (!kit.recording) return;
        const record = { type, where, trusted: event.isTrusted, target: event.target?.localName ?? String(event.target), key: event.key, code: event.code, data: event.data, inputType: event.inputType };
        try {
          record.clipboard = event.clipboardData?.getData('text/plain');
        } catch {}
        try {
          record.transfer = event.dataTransfer?.getData('text/plain');
        } catch {}
        try {
          record.selection = dom.selection().toString();
        } catch {}
        events.push(record);
        kit.take(`event ${type}`, record);
      };
      window.addEventListener(type, keep('window capture'), true);
      EventTarget.prototype.addEventListener.call(document, type, keep('document capture'), true);
      window.addEventListener(type, keep('window bubble'));
      EventTarget.prototype.addEventListener.call(document, type, keep('document bubble'));
    }
  };
})();

/** The article every hostile page carries: mentions to hover, and a passage the reader has a note on. */
window.kitArticle = (extra = '') => {
  document.write(`<main id="article"><h1>Harbour cameras and who sees them</h1>
<p id="p1">The port authority signed a contract with Clearview AI last spring, the minutes show, and a second one with Flock Safety for plate readers on the causeway.</p>
<p id="p2">The ferry terminal kept every scan for a year, the harbour office admitted in a letter to the council.</p>
<p id="p3">Council members asked whether ShotSpotter sensors would follow. Nobody answered that question at the meeting.</p>
<p id="p4">Residents were not told. The contract runs until the end of next year and can be renewed twice.</p>
${extra}</main>`);
};
