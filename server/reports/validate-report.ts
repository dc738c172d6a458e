// The report payload schema (DESIGN.md "Report payload"), checked field by field. Returns the clean payload
// (only known fields, trimmed to their limits) or the first reason it was refused.
import type { ReportPayload, ReportSurface } from '../../shared/report/report-payload.ts';
import { LEVELS, type Level } from '../../shared/types.ts';
import { normalizeNumber } from '../../shared/feed/normalize-number.ts';

const SURFACES: readonly ReportSurface[] = ['gmail', 'outlook-web', 'outlook-addin', 'cli'];
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const REASON_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_LIST = 50;

export type ReportCheck = { ok: true; report: ReportPayload } | { ok: false; reason: string };

export function validateReport(input: unknown): ReportCheck {
  try {
    return { ok: true, report: checkReport(input) };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, reason: error.message };
    throw error;
  }
}

class SchemaError extends Error {}

function checkReport(input: unknown): ReportPayload {
  const raw = object(input, 'report');
  const id = text(raw.id, 'id', 128);
  if (!ID.test(id)) throw new SchemaError('id: expected a UUID-like identifier (8 to 128 letters, digits, . _ : -)');
  const kind = raw.kind;
  if (kind !== 'number' && kind !== 'message') throw new SchemaError('kind: expected "number" or "message"');
  const reportedAt = text(raw.reportedAt, 'reportedAt', 40);
  const time = Date.parse(reportedAt);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(reportedAt) || Number.isNaN(time)) throw new SchemaError('reportedAt: expected an ISO date-time');
  const numbers = list(raw.numbers, 'numbers', (value, where) => {
    const number = text(value, where, 16);
    if (!E164.test(number) || normalizeNumber(number) !== number) throw new SchemaError(`${where}: not a valid E.164 number`);
    return number;
  });
  if (kind === 'number' && numbers.length === 0) throw new SchemaError('numbers: a number report needs at least one number');
  const brands = list(raw.brands, 'brands', (value, where) => text(value, where, 100));
  const level = raw.level;
  if (!LEVELS.includes(level as Level)) throw new SchemaError(`level: expected one of ${LEVELS.join(', ')}`);
  const reasons = list(raw.reasons, 'reasons', (value, where) => {
    const code = text(value, where, 64);
    if (!REASON_CODE.test(code)) throw new SchemaError(`${where}: expected a kebab-case reason code`);
    return code;
  });
  const message = object(raw.message, 'message');
  const client = object(raw.client, 'client');
  if (!SURFACES.includes(client.surface as ReportSurface)) throw new SchemaError(`client.surface: expected one of ${SURFACES.join(', ')}`);
  return {
    id,
    kind,
    reportedAt: new Date(time).toISOString(),
    numbers: [...new Set(numbers)],
    brands: [...new Set(brands)],
    level: level as Level,
    reasons: [...new Set(reasons)],
    message: {
      subject: text(message.subject ?? '', 'message.subject', 1000, true),
      from: text(message.from ?? '', 'message.from', 320, true),
      date: text(message.date ?? '', 'message.date', 100, true),
      messageId: text(message.messageId ?? '', 'message.messageId', 1000, true),
    },
    client: { surface: client.surface as ReportSurface, version: text(client.version ?? '', 'client.version', 50, true) },
  };
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SchemaError(`${where}: expected an object`);
  return value as Record<string, unknown>;
}

/** A string without NUL or other C0 controls (tab excepted), at most `max` characters. */
function text(value: unknown, where: string, max: number, allowEmpty = false): string {
  if (typeof value !== 'string') throw new SchemaError(`${where}: expected a string`);
  if (!allowEmpty && value.trim() === '') throw new SchemaError(`${where}: must not be empty`);
  if (value.length > max) throw new SchemaError(`${where}: longer than ${max} characters`);
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) throw new SchemaError(`${where}: contains control characters`);
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) throw new SchemaError(`${where}: contains a lone surrogate`);
  return value;
}

function list<T>(value: unknown, where: string, item: (value: unknown, where: string) => T): T[] {
  if (!Array.isArray(value)) throw new SchemaError(`${where}: expected a list`);
  if (value.length > MAX_LIST) throw new SchemaError(`${where}: more than ${MAX_LIST} items`);
  return value.map((v, i) => item(v, `${where}[${i}]`));
}
