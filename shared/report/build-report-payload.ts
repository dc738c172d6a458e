import type { Address, Verdict } from '../types.ts';
import type { ReportKind, ReportPayload, ReportSurface } from './report-payload.ts';

export interface ReportInput {
  id: string;
  kind: ReportKind;
  reportedAt: Date;
  verdict: Pick<Verdict, 'level' | 'reasons' | 'phones' | 'brands'>;
  message: { subject: string; from: Address | null; date: string | null; messageId?: string | undefined };
  surface: ReportSurface;
  version: string;
  /** The numbers the reader chose to report; by default every number in the verdict not marked trusted. */
  numbers?: readonly string[];
}

/** Builds exactly the DESIGN.md report payload from a verdict and the message's identity. Pure. */
export function buildReportPayload(input: ReportInput): ReportPayload {
  const numbers = input.numbers ?? input.verdict.phones.filter((p) => !p.trusted).map((p) => p.e164);
  return {
    id: input.id,
    kind: input.kind,
    reportedAt: input.reportedAt.toISOString(),
    numbers: unique(numbers),
    brands: unique(input.verdict.brands),
    level: input.verdict.level,
    reasons: unique(input.verdict.reasons.map((r) => r.code)),
    message: {
      subject: input.message.subject,
      from: input.message.from?.address ?? '',
      date: input.message.date ?? '',
      messageId: input.message.messageId ?? '',
    },
    client: { surface: input.surface, version: input.version },
  };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
