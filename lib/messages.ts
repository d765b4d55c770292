import { z } from 'zod';
import type { Kind } from '../core/dataset/kinds';
import type { Entry } from '../core/dataset/schema';
import { entityNoteDraftSchema, noteDraftSchema, type Note } from '../core/notes/note';

/**
 * Messages content scripts send to the background. The background validates every one with `requestSchema` and
 * takes the page from `sender.tab`, never from the message.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entries.get'), ids: z.array(z.string().min(1).max(200)).min(1).max(1000) }).strict(),
  z.object({ type: z.literal('notes.add'), draft: noteDraftSchema }).strict(),
  z.object({ type: z.literal('notes.addForEntity'), draft: entityNoteDraftSchema }).strict(),
  z.object({ type: z.literal('notes.forEntity'), entityId: z.string().min(1).max(200) }).strict(),
  /** This tab's page notes, to anchor them again; `canonicalUrl` counts only on the tab's own site. */
  z.object({ type: z.literal('notes.forPage'), canonicalUrl: z.url().max(4000).optional() }).strict(),
  /** Which of this page's notes were found again. */
  z
    .object({
      type: z.literal('notes.anchored'),
      canonicalUrl: z.url().max(4000).optional(),
      results: z.array(z.object({ noteId: z.uuid(), anchored: z.boolean() }).strict()).max(10000),
    })
    .strict(),
]);
export type Request = z.infer<typeof requestSchema>;

export interface Responses {
  'entries.get': { entries: Entry[] };
  'notes.add': { note: Note };
  'notes.addForEntity': { note: Note };
  'notes.forEntity': { notes: Note[] };
  'notes.forPage': { notes: Note[] };
  'notes.anchored': { recorded: number };
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;


/**
 * Messages extension pages and the background send to a tab's content script (with `tabs.sendMessage`). Only the
 * extension can send these; pages cannot.
 */
export type TabRequest =
  /** What the reader sees on this page: for the popup's "On this page". */
  | { type: 'page.summary' }
  /** Scroll to an entity's first mention (after the current one, if it is open), open its card and focus it. */
  | { type: 'page.reveal'; entityId: string }
  /** Go to the next mention in document order: scroll, open its card, focus it (the keyboard command). */
  | { type: 'page.next' }
  /** Say through the live region how many mentions were found. */
  | { type: 'page.announce' }
  /** Open the note editor on the current selection (context menu, keyboard shortcut). */
  | { type: 'notes.fromSelection' };

export interface PageSummary {
  /** False when Watchwords is paused (or not allowed) on this site. */
  active: boolean;
  site: string;
  total: number;
  /** One row per entity, in order of first appearance. */
  entities: { id: string; name: string; kind: Kind; count: number }[];
}

export interface TabResponses {
  'page.summary': PageSummary;
  'page.reveal': { found: boolean };
  'page.next': { found: boolean };
  'page.announce': { total: number };
  'notes.fromSelection': { opened: boolean };
}
