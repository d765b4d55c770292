/** What an end-to-end test needs from a real browser with Watchwords installed; one implementation per browser. */
export interface BrowserSession {
  readonly browser: 'chromium' | 'firefox';
  /** Navigates the test tab and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Evaluates a JavaScript expression (may be a promise) in the page's main world and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Moves the mouse pointer to viewport coordinates (CSS pixels). */
  moveMouse(x: number, y: number): Promise<void>;
  /** Turns the mouse wheel by (dx, dy) CSS pixels at viewport (x, y): scrolls whatever is under the pointer. */
  wheel(x: number, y: number, dx: number, dy: number): Promise<void>;
  /** Clicks (primary button) at viewport coordinates (CSS pixels). */
  click(x: number, y: number): Promise<void>;
  /** Presses and releases one key, e.g. 'Escape', 'Tab', 'a', or a chord, e.g. 'Control+Enter'. */
  press(key: string): Promise<void>;
  /**
   * Elements with this ARIA role (and accessible name, when given) as assistive technology sees them, including
   * inside closed shadow roots: their name, text and viewport box.
   */
  accessible(role: string, name?: string): Promise<AccessibleElement[]>;
  /**
   * What the test tab's pages logged since launch: console messages and uncaught errors, of every world that
   * reports them (the page's, and content scripts' where the browser tells). Optional: a driver may not collect logs.
   */
  logEntries?(): LogEntry[];
  /**
   * Calls `fn` (the source of a function of one argument) with the closed shadow root of Watchwords' UI host, in
   * the page's world, and returns its JSON value (undefined when the host is not on the page). For tests that
   * check what Watchwords draws there; no page script can do this.
   */
  inUiShadowRoot<T>(fn: string): Promise<T | undefined>;
  /** Evaluates an expression in Watchwords' overlay frame (the extension page the content script places). */
  evaluateInOverlay<T>(expression: string): Promise<T>;
  /** Writes a PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /**
   * The browser's open tabs, as the test driver sees them (Watchwords itself cannot: it has no "tabs" permission),
   * each with a way to close it.
   */
  openTabs(): Promise<{ url: string; close(): Promise<void> }[]>;
  close(): Promise<void>;
}

export interface AccessibleElement {
  name: string;
  text: string;
  /** A disabled control (e.g. a button that waits until the card has been visible for a moment). */
  disabled?: boolean;
  /** A text box's current value (what the reader typed), where the element has one. */
  value?: string;
  box: { x: number; y: number; width: number; height: number };
}

export interface LogEntry {
  /** `console` for console API calls, `error` for uncaught exceptions and unhandled rejections. */
  type: 'console' | 'error';
  /** debug, info, warn (Chromium: warning), error... as the browser reports it. */
  level: string;
  text: string;
  /** The script or page address the entry came from, and the stack, where known. */
  source: string;
}

/** A request a browser context made, as a network recorder saw it. */
export interface RecordedRequest {
  url: string;
  /** Which context made it: a target's type and address (Chromium), or a BiDi browsing context id (Firefox). */
  from: string;
}
