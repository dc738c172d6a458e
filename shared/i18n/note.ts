// Text for a reader as data: a catalogue key with its parameters, rendered in the reader's language by the
// surface, and at most one technical detail (an error from the platform or a server, a policy line) that is
// shown as it came, for the IT team. Pure TypeScript.
import type { Translate } from './translator.ts';

export interface Note {
  key: string;
  params?: Readonly<Record<string, string | number>>;
  /** Parameters that are themselves catalogue keys (a setting's name), rendered in the reader's language. */
  terms?: Readonly<Record<string, string>>;
  /** Shown as it is (not translated), marked as technical. */
  detail?: string;
}

export function note(key: string, params?: Note['params'], detail?: string): Note {
  return { key, ...(params ? { params } : {}), ...(detail ? { detail } : {}) };
}

/** The note's sentence in the translator's language (without its detail). */
export function noteText(n: Note, t: Translate): string {
  if (!n.terms) return t(n.key, n.params);
  const terms = Object.fromEntries(Object.entries(n.terms).map(([name, key]) => [name, t(key)]));
  return t(n.key, { ...n.params, ...terms });
}

/** The message of an error thrown by anything (a platform error, a string, a rejection with no reason). */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
