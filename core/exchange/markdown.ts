import { strToU8, zipSync } from 'fflate';
import { hashHex } from '../notes/hash';
import type { Note } from '../notes/note';
import { siteOf } from '../site';
import { liveNotes } from './live-notes';
import type { EntityInfo, ExportInput, ExportedFile, LiveNote } from './types';

/**
 * Markdown for Obsidian: one file per page and one per entity with notes. Each file starts with YAML properties
 * (url, title, site, saved, tags, entities); each note is its quote as a block quote with a block id made from
 * the note's id (`^ww-…`), so links to it survive a re-export, which writes the same file names and replaces the
 * files rather than adding copies. Entities are linked as [[wikilinks]] to their own files.
 *
 * The reader's text goes in as text: characters that Markdown or HTML would act on (`<`, `&`, and a `^` block
 * id at a line end) are escaped, so a note holding HTML shows the HTML, it does not run it.
 */

export interface MarkdownFile {
  path: string;
  text: string;
}

/** Characters Obsidian does not allow in file names, and those that are awkward in links. */
function fileName(text: string): string {
  const clean = text.replace(/[\\/:*?"<>|#^[\]\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return clean.slice(0, 80).trim() || 'Untitled';
}

function yamlString(text: string): string {
  return JSON.stringify(text); // a JSON string is a valid YAML double-quoted scalar
}

/** Obsidian tags: no spaces; letters, digits, `_`, `-` and `/`. */
function obsidianTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}_\-/]/gu, '') || 'tag';
}

/**
 * Text from the reader or from a page (its title, the quote) as inert Markdown: no HTML (`<`, `&`), no links,
 * images or embeds (`[`, `]`: a page titled `![](https://tracker/…)` would otherwise make Obsidian fetch it), no
 * code spans or fences (`` ` ``, `~`: a fence named `dataviewjs` runs in Obsidian with that plugin), no block id.
 */
export function inertMarkdown(text: string): string {
  return text
    .replace(/[\\[\]`~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\^(?=[\w-]*\s*$)/gm, '\\^')
    .replace(/\r\n?/g, '\n');
}

function quoteBlock(text: string): string {
  return inertMarkdown(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

export function blockId(note: Note): string {
  return `ww-${note.id.replace(/-/g, '').slice(0, 16)}`;
}

function properties(fields: [string, string | string[]][]): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (Array.isArray(value)) {
      lines.push(value.length ? `${key}:` : `${key}: []`);
      for (const item of value) lines.push(`  - ${yamlString(item)}`);
    } else lines.push(`${key}: ${yamlString(value)}`);
  }
  lines.push('---');
  return lines.join('\n');
}

function noteBlock(note: Note, quote: string | undefined): string {
  const parts: string[] = [];
  if (quote !== undefined) parts.push(quoteBlock(quote), `^${blockId(note)}`);
  if (note.body) parts.push(inertMarkdown(note.body));
  // An entity note's block id ends its text (or stands alone when the text is empty).
  if (quote === undefined) parts.splice(-1, 1, `${parts.at(-1) ?? ''} ^${blockId(note)}`.trim());
  if (note.tags.length) parts.push(note.tags.map((t) => `#${obsidianTag(t)}`).join(' '));
  parts.push(`*${note.createdAt.slice(0, 10)}*`);
  return parts.join('\n\n');
}

interface PageGroup {
  url: string;
  title: string;
  notes: Note[];
}

function groups(notes: LiveNote[]) {
  const pages = new Map<string, PageGroup>();
  const entities = new Map<string, { entity: EntityInfo; notes: Note[] }>();
  for (const { note, entity } of notes) {
    if (note.target.kind === 'page') {
      const page = pages.get(note.target.url) ?? { url: note.target.url, title: note.target.title, notes: [] };
      if (!page.title) page.title = note.target.title;
      page.notes.push(note);
      pages.set(note.target.url, page);
    } else if (entity) {
      const group = entities.get(entity.id) ?? { entity, notes: [] };
      group.notes.push(note);
      entities.set(entity.id, group);
    }
  }
  return { pages: [...pages.values()], entities: [...entities.values()] };
}

/** The Markdown files of an export: pages in `Pages/`, entities in `Entities/`. */
export function markdownFiles(input: ExportInput): MarkdownFile[] {
  const { pages, entities } = groups(liveNotes(input));
  const entityName = (id: string) => input.entity(id)?.name;
  const link = (name: string) => `[[${fileName(name)}]]`;
  const files: MarkdownFile[] = [];
  for (const page of pages) {
    const site = siteOf(page.url) ?? '';
    const title = page.title || site || page.url;
    const mentioned = new Set<string>();
    if (input.mentions) for (const note of page.notes) for (const id of input.mentions(`${note.target.kind === 'page' ? note.target.quote.exact : ''}\n${note.body}`)) mentioned.add(id);
    const entityLinks = [...mentioned].map(entityName).filter((n): n is string => !!n).sort().map(link);
    const tags = [...new Set(page.notes.flatMap((n) => n.tags.map(obsidianTag)))].sort();
    const text = [
      properties([
        ['url', page.url],
        ['title', title],
        ['site', site],
        ['saved', page.notes[0]!.createdAt.slice(0, 10)],
        ['tags', tags],
        ['entities', entityLinks],
      ]),
      `# ${inertMarkdown(title)}`,
      `[${inertMarkdown(site || 'Open the page')}](<${page.url.replace(/>/g, '%3E')}>)`,
      ...page.notes.map((note) => noteBlock(note, note.target.kind === 'page' ? note.target.quote.exact : undefined)),
    ].join('\n\n');
    // Named by title, with a hash of the address so two pages with one title do not overwrite each other.
    files.push({ path: `Pages/${fileName(title)} (${hashHex(page.url).slice(0, 6)}).md`, text: `${text}\n` });
  }
  for (const { entity, notes } of entities) {
    const tags = [...new Set(notes.flatMap((n) => n.tags.map(obsidianTag)))].sort();
    const text = [
      properties([
        ['entity', entity.id],
        ['title', entity.name],
        ['saved', notes[0]!.createdAt.slice(0, 10)],
        ['tags', tags],
        ['sources', entity.sources.map((s) => s.url)],
      ]),
      `# ${inertMarkdown(entity.name)}`,
      ...entity.sources.map((s) => `- [${inertMarkdown(s.title)}](<${s.url.replace(/>/g, '%3E')}>)`),
      ...notes.map((note) => noteBlock(note, undefined)),
    ].join('\n\n');
    files.push({ path: `Entities/${fileName(entity.name)}.md`, text: `${text}\n` });
  }
  return files;
}

/** One Markdown document with a section per page and per entity (what `notes convert --to markdown` prints). */
export function markdownDocument(input: ExportInput): string {
  return markdownFiles(input)
    .map((file) => file.text.replace(/^---\n[\s\S]*?\n---\n\n/, '').replace(/^# /, '## '))
    .join('\n---\n\n');
}

/** Every file in one zip (fflate), for the browser's single download. */
export function exportMarkdownZip(input: ExportInput): ExportedFile {
  const files = Object.fromEntries(markdownFiles(input).map((file) => [`Watchwords/${file.path}`, strToU8(file.text)]));
  return { name: `watchwords-notes-${input.now.toISOString().slice(0, 10)}.zip`, mime: 'application/zip', data: zipSync(files, { level: 6, mtime: input.now }) };
}
