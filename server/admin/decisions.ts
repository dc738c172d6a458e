// Decisions are appended, never updated: the latest one per number or block is its status; all are history.
import type { Queryable } from '../db/database.ts';
import type { DecisionRequest, DecisionVerdict } from './decision-target.ts';

export interface Decision {
  id: number;
  target: 'number' | 'block';
  key: string;
  digits: number | null;
  verdict: DecisionVerdict;
  note: string | null;
  decidedBy: string;
  decidedAt: string;
}

const COLUMNS = 'id, target, key, digits, verdict, note, decided_by AS "decidedBy", decided_at AS "decidedAt"';

export async function recordDecision(db: Queryable, request: DecisionRequest, decidedBy: string): Promise<Decision> {
  const rows = await db.query<Decision & Record<string, unknown>>(
    `INSERT INTO decisions (target, key, digits, verdict, note, decided_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [request.target, request.key, request.digits, request.verdict, request.note, decidedBy],
  );
  return rows[0]!;
}

/** The latest decision for every number and block that has one. */
export async function currentDecisions(db: Queryable): Promise<Decision[]> {
  return db.query<Decision & Record<string, unknown>>(
    `SELECT DISTINCT ON (target, key) ${COLUMNS} FROM decisions ORDER BY target, key, id DESC`,
  );
}

/** The status of a number: its own latest decision, else that of a block covering it, else undefined. */
export function decisionFor(e164: string, byNumber: Map<string, Decision>, blocks: readonly Decision[]): Decision | undefined {
  const own = byNumber.get(e164);
  if (own) return own;
  return blocks.find((b) => e164.startsWith(b.key) && e164.length === b.key.length + (b.digits ?? 0));
}
