import { parseHTML } from 'linkedom';
import { collectPageText } from '../lib/page-text';

/** The text the content script would see: visible page text for HTML, the file itself for anything else. */
export function documentText(path: string, content: string): string {
  if (!/\.x?html?$/i.test(path)) return content;
  const { document } = parseHTML(content);
  return collectPageText(document.body ?? document.documentElement).text;
}
