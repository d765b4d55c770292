import type { Entry } from '../core/dataset/schema';
import type { MatchableEntry } from '../core/matcher/matcher';
import { Refusal } from '../core/protocol/route';
import { checkWatchEntry, idFromName, type WatchEntry } from '../core/watchlist/entry';
import { exportPack, packLimits, parsePack, planImport, type ImportReport } from '../core/watchlist/pack';
import { exportReports, reportLimits, type Report, type ReportDraft } from '../core/watchlist/reports';
import {
  cardEntryOf,
  collisionsOf,
  composeDataset,
  describeEntity,
  isRuntimeId,
  ownerOfId,
  packEntryId,
  readerEntryId,
  type CardEntry,
  type Collision,
  type HiddenTerm,
  type RuntimeEntry,
  type RuntimeLayer,
} from '../core/watchlist/runtime';
import { readRuntimeDatasetState, runtimeDatasetKey, type RuntimeDatasetState } from './runtime-dataset-state';
import type { StorageArea } from './settings';
import type { Sighting, StoredPack, WatchlistView } from '../core/watchlist/view';
import type { WatchlistDatabase } from './watchlist-db';

/** Pages kept per entry for "seen on". */
export const sightingsPerEntry = 20;

interface Composed {
  entries: RuntimeEntry[];
  byId: Map<string, RuntimeEntry>;
  index: ReturnType<typeof composeDataset>['index'];
}

/**
 * The runtime dataset, owned by the background: bundled entries (compiled at build time) plus the reader's own
 * entries and enabled packs (core/watchlist/runtime.ts). Every change goes through here, one at a time, and bumps
 * the revision content scripts watch, so that every open tab rebuilds its matcher without a reload.
 */
export function createRuntimeDataset(deps: {
  db: WatchlistDatabase;
  bundled: readonly Entry[];
  area: StorageArea;
  now?: () => Date;
  newId?: () => string;
}) {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const bundledById = new Map(deps.bundled.map((entry) => [entry.id, entry]));
  let composed: Promise<Composed> | undefined;
  /** Import plans shown to the reader, waiting for "Import". */
  const plans = new Map<string, { pack: StoredPack }>();

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const layers = async (without?: string): Promise<RuntimeLayer[]> => {
    const [reader, packs] = await Promise.all([deps.db.entries.orderBy('updated').toArray(), deps.db.packs.orderBy('imported').toArray()]);
    return [
      { owner: { by: 'reader' as const }, entries: reader },
      ...packs
        .filter((pack) => pack.enabled && pack.id !== without)
        .map((pack) => ({
          owner: { by: 'pack' as const, packId: pack.id, packName: pack.meta.name, author: pack.meta.author, date: pack.meta.date },
          entries: pack.entries,
        })),
    ];
  };

  const compose = async (without?: string): Promise<Composed> => {
    const { entries, index } = composeDataset(deps.bundled, await layers(without));
    return { entries, index, byId: new Map(entries.map((entry) => [entry.id, entry])) };
  };
  const current = () => (composed ??= compose().catch((error: unknown) => ((composed = undefined), Promise.reject(error))));

  const readState = async (): Promise<RuntimeDatasetState> =>
    readRuntimeDatasetState((await (deps.area.get as (key: string) => Promise<Record<string, unknown>>)(runtimeDatasetKey))[runtimeDatasetKey]);

  /** After a change: compose again and tell every tab (the revision they watch). */
  const changed = async (): Promise<number> => {
    composed = compose();
    const { entries } = await composed;
    const revision = (await readState()).revision + 1;
    await deps.area.set({ [runtimeDatasetKey]: { revision, entries: entries.length } satisfies RuntimeDatasetState });
    return revision;
  };

  const readerDraft = async (input: unknown, replaces?: string) => {
    const taken = new Set((await deps.db.entries.toCollection().primaryKeys()) as string[]);
    const localId = replaces ? ownerOf(replaces) : idFromName(String((input as { name?: unknown } | null)?.name ?? ''), taken);
    return { localId, checked: checkWatchEntry({ ...(input as object), id: localId }) };
  };
  const ownerOf = (runtimeId: string) => {
    const owner = ownerOfId(runtimeId);
    if (owner.by !== 'reader') throw new Refusal('Only your own entries can be changed here.');
    return owner.localId;
  };

  return {
    /** The entries that join the bundled ones, as the content script's matcher needs them. */
    async terms(): Promise<{ revision: number; terms: MatchableEntry[] }> {
      const [{ entries }, { revision }] = await Promise.all([current(), readState()]);
      return { revision, terms: entries.map((entry) => entry.matchable) };
    },

    /** A card's entry: bundled, the reader's or a pack's. */
    async entry(id: string): Promise<CardEntry | undefined> {
      const bundled = bundledById.get(id);
      if (bundled) return bundled;
      if (!isRuntimeId(id)) return undefined;
      const runtime = (await current()).byId.get(id);
      return runtime && cardEntryOf(runtime);
    },

    async knows(id: string): Promise<boolean> {
      return bundledById.has(id) || (isRuntimeId(id) && (await current()).byId.has(id));
    },

    /** What the form shows while the reader types: the problems, and the terms it shares with existing entries. */
    async check(input: unknown, replaces?: string): Promise<{ problems: string[]; collisions: Collision[]; entry?: WatchEntry }> {
      const { checked, localId } = await readerDraft(input, replaces);
      if (!checked.entry) return { problems: checked.problems, collisions: [] };
      const collisions = collisionsOf(checked.entry, (await current()).index, readerEntryId(localId));
      return { problems: [], collisions, entry: checked.entry };
    },

    /** Adds an entry of the reader's own, or replaces one (`replaces`: its runtime id). */
    save(input: unknown, replaces?: string): Promise<{ id: string; revision: number }> {
      return serial(async () => {
        const { checked, localId } = await readerDraft(input, replaces);
        if (!checked.entry) throw new Refusal(checked.problems.join(' '));
        const id = readerEntryId(localId);
        const blocking = collisionsOf(checked.entry, (await current()).index, id).find((collision) => collision.blocking);
        if (blocking) throw new Refusal(`“${blocking.text}” cannot be told apart from ${describeEntity(blocking.with)}: add words it needs nearby, or match case.`);
        const old = replaces ? await deps.db.entries.get(localId) : undefined;
        if (replaces && !old) throw new Refusal('That entry is no longer in your watchlist.');
        const stamp = now().toISOString();
        await deps.db.entries.put({ ...checked.entry, created: old?.created ?? stamp, updated: stamp });
        return { id, revision: await changed() };
      });
    },

    remove(runtimeId: string): Promise<{ revision: number }> {
      return serial(async () => {
        const localId = ownerOf(runtimeId);
        await deps.db.transaction('rw', deps.db.entries, deps.db.sightings, async () => {
          await deps.db.entries.delete(localId);
          await deps.db.sightings.where('entityId').equals(runtimeId).delete();
        });
        return { revision: await changed() };
      });
    },

    async view(): Promise<WatchlistView> {
      const [{ byId }, { revision }, reader, packs, reports, sightings] = await Promise.all([
        current(),
        readState(),
        deps.db.entries.orderBy('updated').reverse().toArray(),
        deps.db.packs.orderBy('imported').toArray(),
        deps.db.reports.orderBy('created').reverse().toArray(),
        deps.db.sightings.orderBy('seen').reverse().toArray(),
      ]);
      const seenBy = new Map<string, Sighting[]>();
      for (const sighting of sightings) seenBy.set(sighting.entityId, [...(seenBy.get(sighting.entityId) ?? []), sighting]);
      return {
        revision,
        entries: reader.map((entry) => {
          const runtimeId = readerEntryId(entry.id);
          return { ...entry, runtimeId, hidden: byId.get(runtimeId)?.hidden ?? [], seen: seenBy.get(runtimeId) ?? [] };
        }),
        packs: packs.map((pack) => ({
          ...pack,
          entries: pack.entries.map(({ id, name, kind, summary }) => ({ id, name, kind, summary, hidden: byId.get(packEntryId(pack.id, id))?.hidden ?? [] })),
        })),
        reports,
      };
    },

    /** Reads a pack and plans its import; nothing is stored until `applyPack` with the token. */
    async planPack(text: string, from: string): Promise<{ token: string; report: ImportReport } | { error: string }> {
      const parsed = parsePack(text);
      if (!parsed.ok) return { error: parsed.error };
      const kept = await deps.db.packs.get(parsed.pack.meta.id);
      if (!kept && (await deps.db.packs.count()) >= packLimits.packs) {
        return { error: `Watchwords keeps at most ${packLimits.packs} packs: remove one first.` };
      }
      const { index } = await compose(parsed.pack.meta.id);
      const { report, entries } = planImport(parsed.pack, index, kept?.entries);
      const token = newId();
      plans.clear();
      plans.set(token, { pack: { id: parsed.pack.meta.id, meta: parsed.pack.meta, entries, enabled: true, imported: kept?.imported ?? '', from } });
      return { token, report };
    },

    applyPack(token: string): Promise<{ revision: number; packId: string }> {
      return serial(async () => {
        const plan = plans.get(token);
        if (!plan) throw new Refusal('That import is no longer waiting: open the pack again.');
        plans.delete(token);
        await deps.db.packs.put({ ...plan.pack, imported: plan.pack.imported || now().toISOString() });
        return { revision: await changed(), packId: plan.pack.id };
      });
    },

    setPackEnabled(id: string, enabled: boolean): Promise<{ revision: number }> {
      return serial(async () => {
        if (!(await deps.db.packs.update(id, { enabled }))) throw new Refusal('That pack is no longer kept.');
        return { revision: await changed() };
      });
    },

    removePack(id: string): Promise<{ revision: number }> {
      return serial(async () => {
        await deps.db.transaction('rw', deps.db.packs, deps.db.sightings, async () => {
          await deps.db.packs.delete(id);
          await deps.db.sightings.filter((sighting) => sighting.entityId.startsWith(packEntryId(id, ""))).delete();
        });
        return { revision: await changed() };
      });
    },

    /** The reader's own entries as a pack file. */
    async exportPack(meta: { name: string; author: string; description?: string }): Promise<{ fileName: string; text: string }> {
      const entries = await deps.db.entries.orderBy('updated').toArray();
      if (!entries.length) throw new Refusal('Your watchlist has no entries of your own to export.');
      return exportPack(meta, entries.map(({ created: _c, updated: _u, ...entry }) => entry), now());
    },

    addReport(draft: ReportDraft): Promise<{ report: Report }> {
      return serial(async () => {
        if ((await deps.db.reports.count()) >= reportLimits.reports) throw new Refusal(`Watchwords keeps at most ${reportLimits.reports} reports: export and delete some first.`);
        const report: Report = { ...draft, id: newId(), created: now().toISOString() };
        await deps.db.reports.add(report);
        return { report };
      });
    },

    async removeReport(id: string): Promise<void> {
      await deps.db.reports.delete(id);
    },

    async exportReports(): Promise<{ fileName: string; text: string }> {
      const reports = await deps.db.reports.toArray();
      if (!reports.length) throw new Refusal('There are no reports to export.');
      return exportReports(reports, now());
    },

    /** Records the reader's and packs' entries found on a page (bundled entries are not recorded). */
    async recordSightings(page: string, title: string, counts: Record<string, number>): Promise<number> {
      const { byId } = await current();
      const known = Object.entries(counts).filter(([id, count]) => byId.has(id) && count > 0);
      if (!known.length) return 0;
      const seen = now().toISOString();
      await deps.db.transaction('rw', deps.db.sightings, async () => {
        for (const [entityId, count] of known) {
          await deps.db.sightings.put({ entityId, page, title: title.slice(0, 300), count, seen });
          const stale = await deps.db.sightings.where('entityId').equals(entityId).sortBy('seen');
          const excess = stale.slice(0, Math.max(0, stale.length - sightingsPerEntry));
          if (excess.length) await deps.db.sightings.bulkDelete(excess.map((s) => [s.entityId, s.page] as [string, string]));
        }
      });
      return known.length;
    },
  };
}

export type RuntimeDataset = ReturnType<typeof createRuntimeDataset>;
