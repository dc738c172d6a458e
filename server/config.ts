// Server configuration: the JSON file given with --config, then environment variables, then defaults.
import { readFile } from 'node:fs/promises';

export type SinkConfig =
  | { type: 'webhook'; name: string; url: string; secret?: string }
  | { type: 'splunk'; name: string; url: string; token: string; sourcetype?: string; index?: string }
  | { type: 'misp'; name: string; url: string; apiKey: string; eventId: string; category?: string; toIds?: boolean };

export interface ServerConfig {
  port: number;
  host: string;
  /** Public base URL (what clients use); for --print-policy. */
  publicUrl?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** Shared token clients send as `Authorization: Bearer`; absent → the report endpoint is open. */
  reportToken?: string;
  adminToken?: string;
  /** Extra CORS origins allowed to post reports (the add-in's https origin). */
  allowedOrigins: string[];
  /** Take the client address from X-Forwarded-For (behind a load balancer). */
  trustProxy: boolean;
  /** Per client address: bucket size and refill per second. */
  rateLimit: { burst: number; perSecond: number };
  maxReportBytes: number;
  feedName: string;
  feedTtlDays: number;
  sinks: SinkConfig[];
}

export const DEFAULT_CONFIG: ServerConfig = {
  port: 8787,
  host: '127.0.0.1',
  allowedOrigins: [],
  trustProxy: false,
  rateLimit: { burst: 120, perSecond: 20 },
  maxReportBytes: 64 * 1024,
  feedName: 'Ringfence reported scam numbers',
  feedTtlDays: 30,
  sinks: [],
};

/** Reads and checks a config file; throws naming the first bad key. */
export async function loadConfigFile(path: string): Promise<Partial<ServerConfig>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`config ${path}: ${(error as Error).message}`);
  }
  return checkConfig(raw, `config ${path}`);
}

export function checkConfig(raw: unknown, where = 'config'): Partial<ServerConfig> {
  if (!isObject(raw)) throw new Error(`${where}: expected a JSON object`);
  const config: Partial<ServerConfig> = {};
  const fail = (key: string, expected: string): never => {
    throw new Error(`${where}: ${key}: expected ${expected}`);
  };
  for (const key of ['host', 'publicUrl', 'dataDir', 'databaseUrl', 'reportToken', 'adminToken', 'feedName'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] !== 'string' || raw[key] === '') fail(key, 'a non-empty string');
    config[key] = raw[key] as string;
  }
  for (const key of ['port', 'maxReportBytes', 'feedTtlDays'] as const) {
    if (raw[key] === undefined) continue;
    if (!Number.isInteger(raw[key]) || (raw[key] as number) < (key === 'port' ? 0 : 1)) fail(key, 'a positive integer');
    config[key] = raw[key] as number;
  }
  if (raw.trustProxy !== undefined) config.trustProxy = raw.trustProxy === true || (raw.trustProxy === false ? false : fail('trustProxy', 'true or false'));
  if (raw.allowedOrigins !== undefined) {
    if (!Array.isArray(raw.allowedOrigins) || !raw.allowedOrigins.every((o) => typeof o === 'string' && /^https?:\/\/[^/]+$/.test(o))) {
      fail('allowedOrigins', 'a list of origins like "https://addin.example.com"');
    }
    config.allowedOrigins = raw.allowedOrigins as string[];
  }
  if (raw.rateLimit !== undefined) {
    const r = raw.rateLimit;
    if (!isObject(r) || !(typeof r.burst === 'number' && r.burst >= 1) || !(typeof r.perSecond === 'number' && r.perSecond > 0)) {
      fail('rateLimit', '{"burst": N >= 1, "perSecond": N > 0}');
    }
    config.rateLimit = { burst: (r as { burst: number }).burst, perSecond: (r as { perSecond: number }).perSecond };
  }
  if (raw.sinks !== undefined) {
    if (!Array.isArray(raw.sinks)) fail('sinks', 'a list');
    config.sinks = (raw.sinks as unknown[]).map((sink, i) => checkSink(sink, `${where}: sinks[${i}]`));
    const names = config.sinks.map((s) => s.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new Error(`${where}: sinks: the name "${dup}" is used twice`);
  }
  return config;
}

function checkSink(raw: unknown, where: string): SinkConfig {
  if (!isObject(raw)) throw new Error(`${where}: expected an object`);
  const str = (key: string, optional = false): string | undefined => {
    const value = raw[key];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value === '') throw new Error(`${where}: ${key}: expected a non-empty string`);
    return value;
  };
  const url = str('url')!;
  if (!/^https?:\/\//.test(url)) throw new Error(`${where}: url: expected an http(s) URL`);
  const name = str('name', true) ?? String(raw.type);
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) throw new Error(`${where}: name: letters, digits, _ . - only`);
  const optional = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  switch (raw.type) {
    case 'webhook':
      return optional({ type: 'webhook', name, url, secret: str('secret', true) });
    case 'splunk':
      return optional({ type: 'splunk', name, url, token: str('token')!, sourcetype: str('sourcetype', true), index: str('index', true) });
    case 'misp': {
      const eventId = raw.eventId;
      if (!(typeof eventId === 'string' || typeof eventId === 'number') || !/^[A-Za-z0-9-]+$/.test(String(eventId))) {
        throw new Error(`${where}: eventId: expected the MISP event id or UUID`);
      }
      return optional({ type: 'misp', name, url, apiKey: str('apiKey')!, eventId: String(eventId), category: str('category', true), toIds: raw.toIds === false ? false : undefined });
    }
    default:
      throw new Error(`${where}: type: expected "webhook", "splunk" or "misp"`);
  }
}

/** Environment variables: DATABASE_URL, RINGFENCE_ADMIN_TOKEN, RINGFENCE_REPORT_TOKEN. */
export function configFromEnv(env: NodeJS.ProcessEnv): Partial<ServerConfig> {
  const config: Partial<ServerConfig> = {};
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL;
  if (env.RINGFENCE_ADMIN_TOKEN) config.adminToken = env.RINGFENCE_ADMIN_TOKEN;
  if (env.RINGFENCE_REPORT_TOKEN) config.reportToken = env.RINGFENCE_REPORT_TOKEN;
  return config;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
