import type { Level, Verdict } from '../../shared/types.ts';
import type { Split } from './split-by-hash.ts';
import { HAM_LABEL } from './read-labels.ts';

/** What eval learnt about one labelled file. */
export interface EvalResult {
  file: string;
  label: string;
  split: Split;
  verdict?: Verdict;
  error?: string;
}

export interface LabelRow {
  label: string;
  total: number;
  flagged: number;
  errors: number;
  levels: Record<Level, number>;
}

export interface ReasonRow {
  code: string;
  /** Messages it fired on, by label. */
  byLabel: Record<string, number>;
  fired: number;
  /** Fired on non-ham / fired in all; null when it never fired. */
  precision: number | null;
}

export interface FileLine {
  file: string;
  label: string;
  split: Split;
  level: Level | 'error';
  reasons: string[];
}

export interface EvalReport {
  files: number;
  labels: LabelRow[];
  reasons: ReasonRow[];
  /** Unwanted mail (not ham) that was not flagged, or could not be read. */
  misses: FileLine[];
  /** Legitimate mail flagged danger or warning, or that could not be read. */
  falseAlarms: FileLine[];
}

/** Flagged means the banner warns: danger or warning. */
export function isFlagged(level: Level): boolean {
  return level === 'danger' || level === 'warning';
}

/** Per label flagged/total, per reason code where it fired and its precision, misses and false alarms. */
export function tally(results: readonly EvalResult[]): EvalReport {
  const labels = new Map<string, LabelRow>();
  const reasons = new Map<string, ReasonRow>();
  const misses: FileLine[] = [];
  const falseAlarms: FileLine[] = [];
  for (const result of results) {
    const row = labels.get(result.label) ?? newLabelRow(result.label);
    labels.set(result.label, row);
    row.total++;
    const ham = result.label === HAM_LABEL;
    if (!result.verdict) {
      row.errors++;
      (ham ? falseAlarms : misses).push(line(result));
      continue;
    }
    const { level } = result.verdict;
    row.levels[level]++;
    if (isFlagged(level)) row.flagged++;
    if (ham && isFlagged(level)) falseAlarms.push(line(result));
    if (!ham && !isFlagged(level)) misses.push(line(result));
    for (const code of new Set(result.verdict.reasons.map((r) => r.code))) {
      const reason = reasons.get(code) ?? { code, byLabel: {}, fired: 0, precision: null };
      reasons.set(code, reason);
      reason.byLabel[result.label] = (reason.byLabel[result.label] ?? 0) + 1;
      reason.fired++;
    }
  }
  for (const reason of reasons.values()) reason.precision = (reason.fired - (reason.byLabel[HAM_LABEL] ?? 0)) / reason.fired;
  return {
    files: results.length,
    labels: [...labels.values()].sort((a, b) => a.label.localeCompare(b.label)),
    reasons: [...reasons.values()].sort((a, b) => b.fired - a.fired || a.code.localeCompare(b.code)),
    misses,
    falseAlarms,
  };
}

function newLabelRow(label: string): LabelRow {
  return { label, total: 0, flagged: 0, errors: 0, levels: { danger: 0, warning: 0, caution: 0, none: 0 } };
}

function line(result: EvalResult): FileLine {
  return {
    file: result.file,
    label: result.label,
    split: result.split,
    level: result.verdict?.level ?? 'error',
    reasons: result.verdict ? result.verdict.reasons.map((r) => r.code) : [result.error ?? 'unreadable'],
  };
}
