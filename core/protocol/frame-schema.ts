import { z } from 'zod';
import { textPositionSchema, textQuoteSchema } from '../notes/note';
import type { EditorTarget, FrameToHost, HostEnvelope, HostToFrame } from './frame';
import { noncePattern } from './frame';

/** The background checks every message it relays between the content script and the overlay frame (frame.ts). */

const id = z.string().min(1).max(600);
const label = z.string().min(1).max(300);
const pageAddress = z.string().max(100_000);

export const notePlaceSchema = z
  .object({ writtenAt: pageAddress, title: z.string().max(100_000), canonicalUrl: pageAddress.optional() })
  .strict();

export const editorTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page'), quote: textQuoteSchema, position: textPositionSchema, page: notePlaceSchema }).strict(),
  z.object({ kind: z.literal('entity'), entityId: z.string().min(1).max(200), name: label }).strict(),
]) satisfies z.ZodType<EditorTarget, unknown>;

const buttonSchema = z
  .object({ id, label, title: z.string().max(600).optional(), guarded: z.boolean().optional(), mentionOnly: z.boolean().optional(), primary: z.boolean().optional() })
  .strict();
const lookSchema = z.object({ dark: z.boolean(), maxHeight: z.number().min(0).max(100_000) }).strict();
const point = z.object({ x: z.number(), y: z.number() }).strict();
/** A view's number (core/protocol/frame.ts). */
const view = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const hostToFrameSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('card'),
      view,
      entityId: z.string().min(1).max(200),
      mentionEntityId: z.string().min(1).max(200),
      mentionText: z.string().min(1).max(1000),
      actions: z.array(buttonSchema).max(20),
      focus: z.boolean(),
      look: lookSchema,
    })
    .strict(),
  z.object({ type: z.literal('note'), view, noteId: z.uuid(), focus: z.boolean(), look: lookSchema }).strict(),
  z.object({ type: z.literal('editor'), view, target: editorTargetSchema, look: lookSchema }).strict(),
  z
    .object({ type: z.literal('offer'), view, drafts: z.array(z.object({ target: editorTargetSchema, savedAt: z.iso.datetime() }).strict()).min(1).max(20), look: lookSchema })
    .strict(),
  z.object({ type: z.literal('notice'), view, text: z.string().min(1).max(1000), actions: z.array(buttonSchema).max(5), look: lookSchema }).strict(),
  z.object({ type: z.literal('refused'), text: z.string().min(1).max(1000) }).strict(),
  z.object({ type: z.literal('hide'), view }).strict(),
]) satisfies z.ZodType<HostToFrame, unknown>;

export const frameToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('size'), view, width: z.number().min(0).max(100_000), height: z.number().min(0).max(100_000) }).strict(),
  z.object({ type: z.literal('close'), view, returnFocus: z.boolean() }).strict(),
  z.object({ type: z.literal('action'), view, id, entityId: z.string().min(1).max(200).optional(), point, visible: z.boolean().optional() }).strict(),
  z.object({ type: z.literal('showing'), view, entityId: z.string().min(1).max(200) }).strict(),
  z.object({ type: z.literal('saved'), view, target: z.enum(['page', 'entity']), noteId: z.uuid() }).strict(),
  z.object({ type: z.literal('resume'), view, target: editorTargetSchema }).strict(),
  z.object({ type: z.literal('engaged'), view }).strict(),
  z.object({ type: z.literal('keepalive') }).strict(),
]) satisfies z.ZodType<FrameToHost, unknown>;

export const hostEnvelopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('expect'), nonce: z.string().regex(noncePattern) }).strict(),
  z.object({ kind: z.literal('send'), message: hostToFrameSchema }).strict(),
  z.object({ kind: z.literal('page'), url: z.string().max(100_000) }).strict(),
]) satisfies z.ZodType<HostEnvelope, unknown>;
