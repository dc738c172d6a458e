// Add-in-only policy keys (beside the shared ones): what happens to a reported message.
//   "reportMoveTo": "junk" (default) | "deleted" | "none" | "folder",  "reportFolderName": "Reported scams"

export type ReportMove = { to: 'junk' } | { to: 'deleted' } | { to: 'none' } | { to: 'folder'; folderName: string };

export const DEFAULT_REPORT_MOVE: ReportMove = { to: 'junk' };

export function readReportMove(raw: unknown): { move: ReportMove; errors: string[] } {
  if (typeof raw !== 'object' || raw === null) return { move: DEFAULT_REPORT_MOVE, errors: [] };
  const { reportMoveTo, reportFolderName } = raw as Record<string, unknown>;
  if (reportMoveTo === undefined) return { move: DEFAULT_REPORT_MOVE, errors: [] };
  if (reportMoveTo === 'junk' || reportMoveTo === 'deleted' || reportMoveTo === 'none') return { move: { to: reportMoveTo }, errors: [] };
  if (reportMoveTo === 'folder') {
    if (typeof reportFolderName === 'string' && reportFolderName.trim()) return { move: { to: 'folder', folderName: reportFolderName.trim() }, errors: [] };
    return { move: DEFAULT_REPORT_MOVE, errors: ['reportFolderName: expected a folder name when reportMoveTo is "folder"'] };
  }
  return { move: DEFAULT_REPORT_MOVE, errors: ['reportMoveTo: expected "junk", "deleted", "none" or "folder"'] };
}
