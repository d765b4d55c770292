import { isInvisibleCode, isSpaceCode } from '../core/matcher/fold';

const blank = (code: number) => isSpaceCode(code) || isInvisibleCode(code) || code === 0xfeff;

/**
 * Where the text before a paragraph break can be scanned apart from what follows: just after the last whitespace
 * run holding a blank line (or U+2029) that a non-blank character follows, or 0. No mention, context window or
 * citation crosses such a run, and the text after it starts as a text does. Runs that ended before `floor` were
 * looked at before.
 */
export function lastParagraphCut(text: string, floor: number): number {
  for (let at = text.length - 1; at > 0; ) {
    const newline = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\u2029', at));
    if (newline < 0) return 0;
    let runStart = newline;
    while (runStart > 0 && blank(text.charCodeAt(runStart - 1))) runStart--;
    let runEnd = newline + 1;
    while (runEnd < text.length && blank(text.charCodeAt(runEnd))) runEnd++;
    if (runEnd < floor) return 0;
    let newlines = 0;
    let hard = false;
    for (let i = runStart; i < runEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) newlines++;
      else if (code === 0x2029) hard = true;
    }
    if ((hard || newlines >= 2) && runEnd < text.length) return runEnd;
    at = runStart - 1;
  }
  return 0;
}
