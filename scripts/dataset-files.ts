import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDataset } from '../core/dataset/dataset';
import type { Entry } from '../core/dataset/schema';

/** The entry files; WATCHWORDS_DATA points elsewhere, e.g. to try a dataset under review. */
export const dataDir = process.env.WATCHWORDS_DATA ?? resolve(import.meta.dirname, '..', 'data');

/** Reads and validates every `data/*.json` entry file (Node only: the build and the CLIs). */
export function readDataset(dir = dataDir, options: { check?: (entry: Entry) => string[] } = {}): Entry[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        data = { invalidJson: String(error) };
      }
      return { file: `data/${name}`, data };
    });
  return buildDataset(files, options);
}
