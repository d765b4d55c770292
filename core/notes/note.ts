import { z } from 'zod';
import { noteLimits, quoteContextLength } from './limits';
import { tagsSchema } from './tags';

export { noteLimits, quoteContextLength };

const timestamp = z.iso.datetime();
/** Notes are kept on web pages only: an imported `javascript:` or `data:` address is refused. */
const webAddress = z.url({ protocol: /^https?$/ });

/** W3C Web Annotation TextQuoteSelector: the quoted text with up to `quoteContextLength` characters either side. */
export const textQuoteSchema = z
  .object({ exact: z.string().min(1).max(noteLimits.quote), prefix: z.string().max(quoteContextLength), suffix: z.string().max(quoteContextLength) })
  .strict();
/** W3C Web Annotation TextPositionSelector: offsets into the page text as Watchwords scans it. */
export const textPositionSchema = z
  .object({ start: z.int().min(0), end: z.int().min(0) })
  .strict()
  .refine(({ start, end }) => end > start, 'end must be after start');

export const pageTargetSchema = z
  .object({
    kind: z.literal('page'),
    /** The page's key: its canonical address when the page names one on its own site, else the tab's address. */
    url: webAddress,
    /** Other addresses of the same page (the tab's address when the canonical one differs). */
    alternateUrls: z.array(webAddress).max(20),
    title: z.string().max(1000),
    quote: textQuoteSchema,
    position: textPositionSchema,
  })
  .strict();

export const entityTargetSchema = z.object({ kind: z.literal('entity'), entityId: z.string().min(1) }).strict();

export const noteSchema = z
  .object({
    id: z.uuid(),
    createdAt: timestamp,
    updatedAt: timestamp,
    /** A tombstone: deleted notes are kept so that sync can pass the deletion on. */
    deletedAt: timestamp.nullable(),
    deviceId: z.string().min(1),
    target: z.discriminatedUnion('kind', [pageTargetSchema, entityTargetSchema]),
    body: z.string().max(noteLimits.body),
    tags: tagsSchema,
  })
  .strict();

export type Note = z.infer<typeof noteSchema>;
export type PageTarget = z.infer<typeof pageTargetSchema>;
export type TextQuote = z.infer<typeof textQuoteSchema>;

/** What a reader writes; the background adds id, times, device and page. */
export const noteDraftSchema = z
  .object({
    quote: textQuoteSchema,
    position: textPositionSchema,
    body: z.string().max(noteLimits.body),
    tags: tagsSchema.default([]),
  })
  .strict();
export type NoteDraft = z.infer<typeof noteDraftSchema>;

/** A note on an entity (from its card) rather than on a quote. */
export const entityNoteDraftSchema = z
  .object({
    entityId: z.string().min(1).max(200),
    body: z.string().trim().min(1).max(noteLimits.body),
    tags: tagsSchema.default([]),
  })
  .strict();
export type EntityNoteDraft = z.infer<typeof entityNoteDraftSchema>;

interface NewNote {
  deviceId: string;
  now: Date;
  id: string;
}

function newNote(target: Note['target'], body: string, tags: string[], { deviceId, now, id }: NewNote): Note {
  const time = now.toISOString();
  return noteSchema.parse({ id, createdAt: time, updatedAt: time, deletedAt: null, deviceId, target, body, tags });
}

export function createPageNote(draft: NoteDraft, page: { url: string; alternateUrls: string[]; title: string }, made: NewNote): Note {
  const target = { kind: 'page' as const, url: page.url, alternateUrls: page.alternateUrls, title: page.title, quote: draft.quote, position: draft.position };
  return newNote(target, draft.body, draft.tags, made);
}

export function createEntityNote(draft: EntityNoteDraft, made: NewNote): Note {
  return newNote({ kind: 'entity', entityId: draft.entityId }, draft.body, draft.tags, made);
}
