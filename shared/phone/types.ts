import type { PhoneFinding } from '../types.ts';

/** A stand-in for a phone number: a template field left unfilled, or an obviously fake number. */
export interface Placeholder {
  raw: string;
  part: string;
  start: number;
  end: number;
  kind: 'template' | 'fake';
}

export interface PhoneExtraction {
  phones: PhoneFinding[];
  placeholders: Placeholder[];
}

export interface ExtractOptions {
  /** ISO 3166 region for numbers written without a country code. Default "US". */
  defaultRegion?: string;
}
