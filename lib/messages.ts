import { z } from 'zod';
import type { Entry } from '../core/dataset/schema';
import { noteDraftSchema, type Note } from '../core/notes/note';

/**
 * Messages content scripts send to the background. The background validates every one with `requestSchema` and
 * takes the page from `sender.tab`, never from the message.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entries.get'), ids: z.array(z.string().min(1).max(200)).min(1).max(1000) }).strict(),
  z.object({ type: z.literal('notes.add'), draft: noteDraftSchema }).strict(),
]);
export type Request = z.infer<typeof requestSchema>;

export interface Responses {
  'entries.get': { entries: Entry[] };
  'notes.add': { note: Note };
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

