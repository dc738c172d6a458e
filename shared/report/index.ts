export { buildReportPayload, type ReportInput } from './build-report-payload.ts';
export type { ReportPayload, ReportKind, ReportSurface } from './report-payload.ts';
