import type { Note } from '../notes/note';
import type { NoteState } from '../notes/state';

/** What an export says about an entity, so that a note on it still makes sense without the dataset. */
export interface EntityInfo {
  id: string;
  name: string;
  sources: { title: string; url: string }[];
}

export interface ExportInput {
  /** Every note to export, tombstones included (formats for other tools leave tombstones out). */
  states: readonly NoteState[];
  now: Date;
  /** The bundled dataset's version (see core/dataset/version.ts). */
  datasetVersion: string;
  /** Looks up an entity by id; undefined when the dataset no longer has it. */
  entity: (id: string) => EntityInfo | undefined;
  /** The ids of the entities a text mentions (from the matcher), for Markdown's wikilinks; optional. */
  mentions?: (text: string) => string[];
}

/** One file made by an export: text, or bytes (a zip). */
export interface ExportedFile {
  name: string;
  mime: string;
  data: string | Uint8Array;
}

export interface ExportFormat {
  id: 'watchwords-json' | 'w3c' | 'markdown' | 'csv';
  label: string;
  /** Several pages become one file: JSON, JSON-LD, CSV, or a zip of Markdown files. */
  export(input: ExportInput): ExportedFile;
}

/** Live notes as the reader sees them, oldest first (for the formats of other tools, which have no tombstones). */
export interface LiveNote {
  note: Note;
  entity?: EntityInfo;
}
