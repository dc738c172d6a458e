export interface BenchResult {
  name: string;
  unit: string;
  /** Ringfence's figure. */
  value: number;
  /** The baseline measured in the same run (plain libphonenumber-js, an in-memory Map, ...). */
  baseline: number | null;
  /** value / baseline (for "higher is better" units) as the case reports it; null without a baseline. */
  ratio: number | null;
  /** What the baseline is, in a few words. */
  baselineName?: string;
  note?: string;
}

/** A bench case module: `export default async function (): Promise<BenchResult[]>`. */
export type BenchCase = () => Promise<BenchResult[]>;
