import type { Entry } from '../core/dataset/schema';
import { citationCard } from '../core/matcher/official-numbers';
import { createEntityNote, createPageNote } from '../core/notes/note';
import { notePageAddress } from '../core/notes/page-url';
import { requestSchema, type Responses } from './messages';
import type { NotesDatabase } from './notes-db';

export interface Sender {
  tab?: { url?: string; title?: string };
}

export type Reply = { ok: true; value: Responses[keyof Responses] } | { ok: false; error: string };

/**
 * Answers content-script requests. Every message is validated; a page is identified only by the tab the message
 * came from.
 */
export function createRequestHandler(deps: { db: NotesDatabase; entries: readonly Entry[]; now?: () => Date }) {
  const byId = new Map(deps.entries.map((entry) => [entry.id, entry]));
  const now = deps.now ?? (() => new Date());
  const made = async () => ({ deviceId: await deps.db.deviceId(), now: now(), id: crypto.randomUUID() });

  /** The notes of the page in the sending tab, under its address or its canonical one. */
  const notesOfTab = async (sender: Sender, canonicalUrl?: string) => {
    const address = sender.tab?.url ? notePageAddress(sender.tab.url, canonicalUrl) : undefined;
    if (!address) return [];
    const found = await Promise.all([address.url, ...address.alternateUrls].map((url) => deps.db.pageNotes(url)));
    return [...new Map(found.flat().map((note) => [note.id, note])).values()];
  };

  return async function handle(message: unknown, sender: Sender): Promise<Reply> {
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) return { ok: false, error: 'Watchwords ignored a malformed request.' };
    const request = parsed.data;
    try {
      switch (request.type) {
        case 'entries.get':
          return { ok: true, value: { entries: request.ids.flatMap((id) => byId.get(id) ?? citationCard(id, now().toISOString().slice(0, 10)) ?? []) } };
        case 'notes.add': {
          const address = sender.tab?.url ? notePageAddress(sender.tab.url, request.draft.canonicalUrl) : undefined;
          if (!address) return { ok: false, error: 'Notes can only be added on web pages.' };
          const { canonicalUrl: _, ...draft } = request.draft;
          const note = createPageNote(draft, { ...address, title: sender.tab?.title ?? '' }, await made());
          await deps.db.addNote(note);
          return { ok: true, value: { note } };
        }
        case 'notes.addForEntity': {
          if (!byId.has(request.draft.entityId)) return { ok: false, error: 'Notes can only be kept on entities Watchwords knows.' };
          const note = createEntityNote(request.draft, await made());
          await deps.db.addNote(note);
          return { ok: true, value: { note } };
        }
        case 'notes.forEntity':
          return { ok: true, value: { notes: await deps.db.entityNotes(request.entityId) } };
        case 'notes.forPage':
          return { ok: true, value: { notes: await notesOfTab(sender, request.canonicalUrl) } };
        case 'notes.anchored': {
          // Only this tab's own notes can be marked.
          const own = new Set((await notesOfTab(sender, request.canonicalUrl)).map((note) => note.id));
          const results = request.results.filter((result) => own.has(result.noteId));
          await deps.db.recordAnchoring(results, now());
          return { ok: true, value: { recorded: results.length } };
        }
      }
    } catch (error) {
      return { ok: false, error: describeFailure(error) };
    }
  };
}

function describeFailure(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === 'QuotaExceededError' || (error as { inner?: { name?: string } })?.inner?.name === 'QuotaExceededError') {
    return 'Your browser has no room left for Watchwords notes; nothing was saved. Free some disk space and try again.';
  }
  return `Watchwords could not save: ${(error as Error)?.message ?? String(error)}`;
}
