import { z } from 'zod';
import { devicePattern } from '../../core/notes/clock';
import { noteChangeSchema } from '../../core/notes/merge';

/**
 * What sync keeps on the server. Every file has exactly one writer, so no locks and no conditional requests are
 * needed (most servers ignore them):
 *
 * ```
 * <folder>/watchwords-library.json          written once, by the device that starts the library
 * <folder>/devices/<device>/head.json        rewritten by that device only: how many batches it has finished
 * <folder>/devices/<device>/batch-000001.json  immutable batches of that device's changes, numbered from 1
 * ```
 *
 * A device uploads a batch, then its head (to a temporary name, then MOVE, so the head appears whole); readers
 * read only the batches a head counts, so a half-finished upload is never taken as valid. Nothing is ever
 * concluded from a missing file: a batch a head counts but the server lacks stops that device's reading until it
 * is there; a device folder that disappears changes nothing here.
 */

export const libraryFile = 'watchwords-library.json';
export const devicesFolder = 'devices';
export const headFile = (device: string) => `${devicesFolder}/${device}/head.json`;
export const batchFile = (device: string, seq: number) => `${devicesFolder}/${device}/batch-${String(seq).padStart(6, '0')}.json`;
/** What an encrypted batch is bound to: its library, device and number. */
export const batchPlace = (libraryId: string, device: string, seq: number) => `${libraryId}/${device}/${seq}`;

const sealed = z.object({ iv: z.string().max(100), data: z.string().max(64 * 1024 * 1024) }).strict();

export const libraryMarkerSchema = z
  .object({
    format: z.literal('watchwords-sync'),
    version: z.literal(1),
    libraryId: z.uuid(),
    createdAt: z.iso.datetime(),
    encryption: z
      .object({ kdf: z.literal('PBKDF2-SHA256'), iterations: z.int().min(600_000), salt: z.string().max(100), iv: z.string().max(100), wrapped: z.string().max(200), checksum: z.string().max(100) })
      .strict()
      .optional(),
  })
  .strict();
export type LibraryMarker = z.infer<typeof libraryMarkerSchema>;

export const headSchema = z
  .object({
    format: z.literal('watchwords-sync-head'),
    version: z.literal(1),
    libraryId: z.uuid(),
    device: z.string().regex(devicePattern),
    batches: z.int().min(0),
    updatedAt: z.iso.datetime(),
  })
  .strict();
export type Head = z.infer<typeof headSchema>;

export const batchSchema = z
  .object({
    format: z.literal('watchwords-sync-batch'),
    version: z.literal(1),
    libraryId: z.uuid(),
    device: z.string().regex(devicePattern),
    seq: z.int().min(1),
    changes: z.array(noteChangeSchema).max(5000).optional(),
    sealed: sealed.optional(),
  })
  .strict()
  .refine((b) => (b.changes === undefined) !== (b.sealed === undefined), 'a batch holds either changes or sealed changes');
export const changesSchema = z.array(noteChangeSchema).max(5000);
