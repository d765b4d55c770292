/** The largest file an import reads: far above 10,000 notes (about 10 MB), far below what would stall the browser. */
export const maxImportBytes = 64 * 1024 * 1024;

/** A file an import cannot read at all: one sentence for the reader, never a stack trace. */
export class ImportError extends Error {
  override name = 'ImportError';
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads JSON from an untrusted file. Refuses oversized files before parsing, and keys that could reach an
 * object's prototype if any later code copied them (`__proto__`, `constructor`, `prototype`).
 */
export function parseUntrustedJson(text: string, what = 'file'): unknown {
  if (text.length > maxImportBytes) throw new ImportError(`This ${what} is too large to import (over ${maxImportBytes / 1024 / 1024} MB).`);
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''), (key, item: unknown) => {
      if (forbiddenKeys.has(key)) forbidden ??= key;
      return item;
    });
  } catch (error) {
    if (error instanceof RangeError) throw new ImportError(`This ${what} is nested too deeply to read.`);
    throw new ImportError(`This ${what} is not valid JSON (it may be cut short or not a Watchwords export).`);
  }
  if (forbidden !== undefined) throw new ImportError(`This ${what} contains the key "${forbidden}", which Watchwords does not accept.`);
  return value;
}
