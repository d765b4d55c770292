import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatStamp, receiveAll, startClock, tick, type Hlc } from './clock';
import { mapStates, mergeInto, type NoteChange } from './merge';
import {
  conflictCopyId,
  createNoteState,
  deleteNote,
  editText,
  hasPurgeableText,
  isDeleted,
  joinNotes,
  liveTags,
  noteView,
  purgeDeleted,
  restoreNote,
  setTags,
  stampsOf,
  type NoteState,
  type Target,
} from './state';

/**
 * Random histories of several devices with skewed clocks editing, tagging, deleting and restoring notes, passing
 * their changes to each other in random order (duplicated, partial, shuffled), checked against an oracle that
 * tracks what each device knew when it acted (independently of the version vectors the merge uses).
 */

const target: Target = {
  kind: 'page',
  url: 'https://news.example/story',
  alternateUrls: [],
  title: 'A story',
  quote: { exact: 'the quote', prefix: '', suffix: '' },
  position: { start: 0, end: 9 },
};
const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];

interface Device {
  clock: Hlc;
  skew: number;
  states: ReturnType<typeof mapStates>;
  /** This device's own changes, in the order it made them (what it uploads). */
  log: NoteChange[];
  /** Oracle: the stamps of every change this device knows of. */
  known: Set<string>;
}

interface Op {
  stamp: string;
  note: string;
  kind: 'write' | 'delete' | 'restore' | 'tag';
  text?: string;
  past: Set<string>;
}

type Step =
  | { t: 'create'; dev: number; note: number; text: number; tag: number }
  | { t: 'edit'; dev: number; note: number; text: number }
  | { t: 'tag'; dev: number; note: number; tag: number }
  | { t: 'delete'; dev: number; note: number }
  | { t: 'restore'; dev: number; note: number }
  | { t: 'sync'; from: number; to: number; upTo: number; order: number[]; twice: boolean }
  | { t: 'purge'; dev: number }
  | { t: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('create' as const), dev: fc.nat(3), note: fc.nat(2), text: fc.nat(5), tag: fc.nat(3) }),
  fc.record({ t: fc.constant('edit' as const), dev: fc.nat(3), note: fc.nat(8), text: fc.nat(5) }),
  fc.record({ t: fc.constant('tag' as const), dev: fc.nat(3), note: fc.nat(8), tag: fc.nat(3) }),
  fc.record({ t: fc.constant('delete' as const), dev: fc.nat(3), note: fc.nat(8) }),
  fc.record({ t: fc.constant('restore' as const), dev: fc.nat(3), note: fc.nat(8) }),
  fc.record({ t: fc.constant('sync' as const), from: fc.nat(3), to: fc.nat(3), upTo: fc.nat(40), order: fc.array(fc.nat(1000), { maxLength: 40 }), twice: fc.boolean() }),
  fc.record({ t: fc.constant('purge' as const), dev: fc.nat(3) }),
  fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 120_000 }) }),
);

const tagNames = ['police', 'border', 'face', 'follow-up'];

function simulate(deviceCount: number, skews: number[], steps: Step[]) {
  let time = Date.parse('2026-11-01T10:00:00Z');
  const ops = new Map<string, Op>();
  const devices: Device[] = skews.slice(0, deviceCount).map((skew, i) => ({ clock: startClock(`device-${i}`), skew, states: mapStates(), log: [], known: new Set() }));
  const now = (d: Device) => time + d.skew;
  const stampFor = (d: Device) => {
    d.clock = tick(d.clock, now(d));
    time += 1;
    return formatStamp(d.clock);
  };
  const record = (d: Device, kind: NoteChange['kind'], delta: NoteState, stamp: string, op: Omit<Op, 'past' | 'stamp'>) => {
    ops.set(stamp, { ...op, stamp, past: new Set(d.known) });
    d.known.add(stamp);
    d.log.push({ kind, stamp, note: delta });
    const result = mergeInto(d.states, [delta]);
    for (const copy of result.copies) d.log.push({ kind: 'conflict-copy', stamp: copy.created!.stamp, note: copy });
  };
  const knownNotes = (d: Device) => [...d.states.map.values()].filter((s) => noteView(s)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const receive = (to: Device, changes: NoteChange[]) => {
    to.clock = receiveAll(to.clock, changes.flatMap((c) => stampsOf(c.note)), now(to));
    for (const change of changes) {
      const learn = (stamp: string) => {
        if (to.known.has(stamp)) return;
        to.known.add(stamp);
        for (const s of ops.get(stamp)?.past ?? []) to.known.add(s);
      };
      learn(change.stamp);
      for (const s of stampsOf(change.note)) learn(s);
    }
    const result = mergeInto(to.states, changes.map((c) => c.note));
    for (const copy of result.copies) to.log.push({ kind: 'conflict-copy', stamp: copy.created!.stamp, note: copy });
  };

  for (const s of steps) {
    if (s.t === 'wait') {
      time += s.ms;
      continue;
    }
    if (s.t === 'sync') {
      const from = devices[s.from % deviceCount]!;
      const to = devices[s.to % deviceCount]!;
      if (from === to) continue;
      const prefix = from.log.slice(0, Math.min(from.log.length, s.upTo));
      const shuffled = prefix.map((c, i) => ({ c, k: s.order[i] ?? i })).sort((a, b) => a.k - b.k).map(({ c }) => c);
      receive(to, s.twice ? [...shuffled, ...shuffled.slice().reverse()] : shuffled);
      continue;
    }
    const d = devices[s.dev % deviceCount]!;
    if (s.t === 'purge') {
      for (const state of [...d.states.map.values()]) {
        // Purge only deletes older than the undo window by this device's clock.
        if (state.deleted?.value && Date.parse(state.deleted.stamp.slice(0, 24)) < now(d) - 60_000 && hasPurgeableText(state)) d.states.set(purgeDeleted(state));
      }
      continue;
    }
    if (s.t === 'create') {
      const id = ids[s.note]!;
      if (d.states.get(id)) continue;
      const stamp = stampFor(d);
      const text = `text ${s.text} by ${d.clock.device} at ${stamp}`;
      record(d, 'add', createNoteState(id, target, text, [tagNames[s.tag]!], stamp), stamp, { note: id, kind: 'write', text });
      continue;
    }
    const notes = knownNotes(d);
    const state = notes[s.note % Math.max(1, notes.length)];
    if (!state) continue;
    const view = noteView(state)!;
    if (s.t === 'edit' && !view.deletedAt) {
      const stamp = stampFor(d);
      const text = `edit ${s.text} by ${d.clock.device} at ${stamp}`;
      record(d, 'edit', editText(state, text, stamp), stamp, { note: state.id, kind: 'write', text });
    } else if (s.t === 'tag' && !view.deletedAt) {
      const stamp = stampFor(d);
      const name = tagNames[s.tag]!;
      const tags = liveTags(state);
      record(d, 'tag', setTags(state, tags.includes(name) ? tags.filter((t) => t !== name) : [...tags, name], stamp), stamp, { note: state.id, kind: 'tag' });
    } else if (s.t === 'delete' && !view.deletedAt) {
      const stamp = stampFor(d);
      record(d, 'delete', deleteNote(state, stamp), stamp, { note: state.id, kind: 'delete' });
    } else if (s.t === 'restore' && view.deletedAt && state.body.every((v) => v.text !== undefined)) {
      const stamp = stampFor(d);
      record(d, 'restore', restoreNote(state, stamp), stamp, { note: state.id, kind: 'restore' });
    }
  }

  // Everyone hears from everyone until nothing changes (conflict copies made on the way travel too).
  for (let round = 0; round < 4; round++) for (const to of devices) for (const from of devices) if (from !== to) receive(to, from.log);
  time += 24 * 60 * 60 * 1000;
  for (const d of devices) for (const state of [...d.states.map.values()]) if (hasPurgeableText(state)) d.states.set(purgeDeleted(state));
  return { devices, ops };
}

function sorted(d: Device): NoteState[] {
  return [...d.states.map.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('merge of random multi-device histories with skewed clocks', () => {
  const skew = fc.integer({ min: -3 * 60 * 60 * 1000, max: 3 * 60 * 60 * 1000 });
  test('replicas converge, no text is lost, deletes are respected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(skew, { minLength: 4, maxLength: 4 }), fc.array(step, { maxLength: 60 }), (count, skews, steps) => {
        const { devices, ops } = simulate(count, skews, steps);
        const [first, ...rest] = devices.map(sorted);
        // 1. Every device ends with the same notes in the same state.
        for (const other of rest) expect(other).toEqual(first);
        const byId = new Map(first!.map((s) => [s.id, s]));

        const writes = [...ops.values()].filter((op) => op.kind === 'write');
        const supersedes = (op: Op, write: Op) => op.past.has(write.stamp) && (op.kind === 'write' || op.kind === 'delete');
        for (const write of writes) {
          const copyId = conflictCopyId(write.note, write.stamp);
          const superseded = [...ops.values()].some((op) => (op.note === write.note || op.note === copyId) && supersedes(op, write));
          if (superseded) continue;
          // 2. A text nobody built on or deleted is shown: on its note, or on that note's conflict copy.
          const shown = [byId.get(write.note), byId.get(copyId)].some((s) => s && !isDeleted(s) && noteView(s)?.body === write.text);
          expect(shown, `text lost: ${write.text}`).toBe(true);
        }
        // 3. A note is deleted exactly when its latest delete-or-restore is a delete that knew every text of it.
        for (const state of first!) {
          const own = [...ops.values()].filter((op) => op.note === state.id);
          const last = own.filter((op) => op.kind === 'delete' || op.kind === 'restore').sort((a, b) => (a.stamp < b.stamp ? -1 : 1)).pop();
          const texts = state.created?.conflictOf ? [state.body[0]!.stamp, ...own.filter((op) => op.kind === 'write').map((op) => op.stamp)] : own.filter((op) => op.kind === 'write').map((op) => op.stamp);
          const expected = last?.kind === 'delete' && texts.every((stamp) => last.past.has(stamp) || stamp < state.created!.stamp);
          if (!state.created?.conflictOf) expect(isDeleted(state), `delete of ${state.id}`).toBe(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('joining is commutative, associative and idempotent; a batch applied twice or out of order changes nothing', () => {
    fc.assert(
      fc.property(fc.array(skew, { minLength: 4, maxLength: 4 }), fc.array(step, { maxLength: 40 }), fc.array(fc.nat(1000), { maxLength: 200 }), (skews, steps, order) => {
        const { devices } = simulate(3, skews, steps);
        const changes = devices.flatMap((d) => d.log.map((c) => c.note));
        const inOrder = mapStates();
        mergeInto(inOrder, changes);
        const shuffled = changes.map((c, i) => ({ c, k: order[i] ?? i })).sort((a, b) => a.k - b.k).map(({ c }) => c);
        const outOfOrder = mapStates();
        mergeInto(outOfOrder, [...shuffled, ...shuffled.slice(0, 10)]);
        mergeInto(outOfOrder, shuffled);
        expect([...outOfOrder.map.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...inOrder.map.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
        for (const a of changes.slice(0, 8)) {
          for (const b of changes.slice(0, 8)) {
            if (a.id !== b.id) continue;
            expect(joinNotes(a, b)).toEqual(joinNotes(b, a));
            // Idempotent: joining what is already in changes nothing.
            expect(joinNotes(a, a)).toEqual(a);
            expect(joinNotes(joinNotes(a, b), b)).toEqual(joinNotes(a, b));
            expect(joinNotes(joinNotes(a, b), a)).toEqual(joinNotes(a, b));
            for (const c of changes.slice(0, 8)) if (c.id === a.id) expect(joinNotes(joinNotes(a, b), c)).toEqual(joinNotes(a, joinNotes(b, c)));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
