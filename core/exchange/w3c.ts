import { z } from 'zod';
import { legacyNoteState, type NoteState, type Target } from '../notes/state';
import { uuidFromText } from '../notes/hash';
import { liveNotes } from './live-notes';
import type { ExportInput, ExportedFile, LiveNote } from './types';
import { describe, type DecodedFile, type Rejected } from './watchwords-json';

/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: an AnnotationCollection whose one
 * page holds every live note. Text is a `TextualBody` (purpose commenting), each tag one `TextualBody` with
 * purpose tagging, an entity note one `TextualBody` with purpose identifying naming the entity; page notes target
 * the page with a TextQuoteSelector and a TextPositionSelector (offsets into the text as Watchwords reads the
 * page). Deleted notes are left out: the model has no tombstones (use Watchwords JSON to carry deletions).
 */
export const annoContext = 'http://www.w3.org/ns/anno.jsonld';
/** Entities have no web address of their own; notes on them target this URN. */
export const entityUrnPrefix = 'urn:watchwords:entity:';

function annotation({ note, entity }: LiveNote): Record<string, unknown> {
  const bodies: Record<string, unknown>[] = [];
  if (note.body) bodies.push({ type: 'TextualBody', value: note.body, format: 'text/plain', purpose: 'commenting' });
  for (const tag of note.tags) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  let target: unknown;
  if (note.target.kind === 'page') {
    const { url, quote, position } = note.target;
    target = {
      type: 'SpecificResource',
      source: url,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    };
  } else {
    bodies.push({ type: 'TextualBody', value: entity?.name ?? note.target.entityId, purpose: 'identifying' });
    target = `${entityUrnPrefix}${note.target.entityId}`;
  }
  return {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation: note.body ? 'commenting' : note.target.kind === 'page' ? 'highlighting' : 'identifying',
    created: note.createdAt,
    modified: note.updatedAt,
    ...(bodies.length && { body: bodies }),
    target,
  };
}

export function exportW3c(input: ExportInput): ExportedFile {
  const items = liveNotes(input).map(annotation);
  const exportedAt = input.now.toISOString();
  const id = `urn:uuid:${uuidFromText(`watchwords-collection|${exportedAt}|${items.length}`)}`;
  const collection = {
    '@context': annoContext,
    id,
    type: 'AnnotationCollection',
    label: 'Watchwords notes',
    generator: { type: 'Software', name: 'Watchwords' },
    generated: exportedAt,
    total: items.length,
    first: { id: `urn:uuid:${uuidFromText(`${id}|page-0`)}`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
  };
  return { name: `watchwords-notes-${exportedAt.slice(0, 10)}.jsonld`, mime: 'application/ld+json', data: `${JSON.stringify(collection, null, 1)}\n` };
}

// ---------------------------------------------------------------------------------------------------------------
// Import

const textualBody = z.object({ type: z.literal('TextualBody').optional(), value: z.string().max(20000), purpose: z.string().optional() }).loose();
const quoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1).max(5000), prefix: z.string().optional(), suffix: z.string().optional() }).loose();
const positionSelector = z.object({ type: z.literal('TextPositionSelector'), start: z.int().min(0), end: z.int().min(0) }).loose();
const many = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).max(1000)]).transform((v) => (Array.isArray(v) ? v : [v]));
const specificTarget = z.object({ source: z.string().max(8000), selector: many(z.unknown()).optional() }).loose();

const annotationSchema = z
  .object({
    id: z.string().max(1000).optional(),
    type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'))]),
    created: z.iso.datetime({ offset: true }).optional(),
    modified: z.iso.datetime({ offset: true }).optional(),
    body: many(z.union([textualBody, z.string(), z.object({}).loose()])).optional(),
    bodyValue: z.string().max(20000).optional(),
    target: many(z.union([z.string().max(8000), specificTarget])).refine((t) => t.length > 0, 'an annotation needs a target'),
  })
  .loose();

const uuidInUrn = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function toState(raw: unknown, position: number): NoteState {
  const a = annotationSchema.parse(raw);
  const bodies = (a.body ?? []).filter((b): b is z.infer<typeof textualBody> => typeof b === 'object' && typeof (b as { value?: unknown }).value === 'string');
  const text = [a.bodyValue, ...bodies.filter((b) => !b.purpose || b.purpose === 'commenting' || b.purpose === 'describing').map((b) => b.value)].filter((t) => t !== undefined).join('\n\n');
  const tags = [...new Set(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value.trim()).filter((t) => t && t.length <= 100))];
  const id = uuidInUrn.exec(a.id ?? '')?.[1]?.toLowerCase() ?? uuidFromText(`w3c|${a.id ?? JSON.stringify(raw)}|${position}`);
  const created = new Date(a.created ?? a.modified ?? '2000-01-01T00:00:00Z').toISOString();
  const modified = new Date(a.modified ?? a.created ?? '2000-01-01T00:00:00Z').toISOString();
  const first = a.target[0]!;
  let target: Target;
  if (typeof first === 'string' && first.startsWith(entityUrnPrefix)) {
    target = { kind: 'entity', entityId: first.slice(entityUrnPrefix.length) };
  } else {
    if (typeof first === 'string') throw new Error('a page note needs the quoted text (a TextQuoteSelector)');
    const selectors = first.selector ?? [];
    const quote = selectors.map((s) => quoteSelector.safeParse(s)).find((r) => r.success)?.data;
    if (!quote) throw new Error('a page note needs the quoted text (a TextQuoteSelector)');
    const position = selectors.map((s) => positionSelector.safeParse(s)).find((r) => r.success && r.data.end > r.data.start)?.data;
    target = {
      kind: 'page',
      url: first.source,
      alternateUrls: [],
      title: '',
      quote: { exact: quote.exact, prefix: (quote.prefix ?? '').slice(-32), suffix: (quote.suffix ?? '').slice(0, 32) },
      position: position ? { start: position.start, end: position.end } : { start: 0, end: quote.exact.length },
    };
  }
  // Stamps come from the annotation's own times, so importing the same file twice changes nothing.
  return legacyNoteState({ id, createdAt: created, updatedAt: modified < created ? created : modified, deletedAt: null, deviceId: 'w3c-import', target, body: text, tags });
}

export function isW3c(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && isW3c(value[0]);
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const context = JSON.stringify(v['@context'] ?? '');
  return context.includes('anno.jsonld') || v.type === 'Annotation' || v.type === 'AnnotationCollection' || v.type === 'AnnotationPage';
}

/** Reads annotations: a collection with embedded pages, a page, an array, or one annotation. */
export function decodeW3c(value: unknown): DecodedFile {
  let items: unknown[];
  const v = value as Record<string, unknown>;
  if (Array.isArray(value)) items = value;
  else if (v.type === 'AnnotationCollection') {
    items = [];
    let page = v.first as Record<string, unknown> | undefined;
    for (let pages = 0; page && typeof page === 'object' && pages < 10_000; pages++) {
      if (Array.isArray(page.items)) items.push(...(page.items as unknown[]));
      page = page.next as Record<string, unknown> | undefined;
    }
    if (!v.first || typeof v.first !== 'object') throw new Error('This annotation collection has no pages in the file (only links to them).');
  } else if (v.type === 'AnnotationPage') items = Array.isArray(v.items) ? (v.items as unknown[]) : [];
  else items = [value];
  const states: NoteState[] = [];
  const rejected: Rejected[] = [];
  items.forEach((raw, i) => {
    try {
      states.push(toState(raw, i));
    } catch (error) {
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 100) : undefined;
      rejected.push({ index: i + 1, ...(id && { id }), reason: describe(error) });
    }
  });
  return { format: 'w3c', version: 1, states, rejected };
}
