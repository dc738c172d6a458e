// The report payload POSTed to the policy's reportEndpoint (DESIGN.md, "Report payload").
import type { Level } from '../types.ts';

export type ReportKind = 'number' | 'message';
export type ReportSurface = 'gmail' | 'outlook-web' | 'outlook-addin' | 'cli';

export interface ReportPayload {
  /** UUID; the endpoint's idempotency key. */
  id: string;
  kind: ReportKind;
  reportedAt: string;
  numbers: string[];
  brands: string[];
  level: Level;
  /** Reason codes only: the plain-language messages stay on the device. */
  reasons: string[];
  message: { subject: string; from: string; date: string; messageId: string };
  client: { surface: ReportSurface; version: string };
}
