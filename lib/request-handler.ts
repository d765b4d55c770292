import type { Entry } from '../core/dataset/schema';
import { citationCard } from '../core/matcher/official-numbers';
import { createEntityNote, createPageNote } from '../core/notes/note';
import { normalisePageUrl } from '../core/notes/page-url';
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

  return async function handle(message: unknown, sender: Sender): Promise<Reply> {
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) return { ok: false, error: 'Watchwords ignored a malformed request.' };
    const request = parsed.data;
    try {
      switch (request.type) {
        case 'entries.get':
          return { ok: true, value: { entries: request.ids.flatMap((id) => byId.get(id) ?? citationCard(id, now().toISOString().slice(0, 10)) ?? []) } };
        case 'notes.add': {
          const url = sender.tab?.url && normalisePageUrl(sender.tab.url);
          if (!url) return { ok: false, error: 'Notes can only be added on web pages.' };
          const note = createPageNote(request.draft, { url, title: sender.tab?.title ?? '' }, await made());
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
