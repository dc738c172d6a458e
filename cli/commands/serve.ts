// `ringfence serve [--port N] [--host H] [--data DIR] [--database URL] [--config FILE] [--print-policy [--public-url URL]]`
import { parseArgs } from 'node:util';
import { UsageError } from '../args.ts';
import { configFromEnv, loadConfigFile, type ServerConfig } from '../../server/config.ts';
import { startServer } from '../../server/start-server.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { ensureSigningKey } from '../../server/feed/signing-key.ts';
import { policySnippet } from '../../server/print-policy.ts';

const DEFAULT_DATA_DIR = 'ringfence-data';

export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        database: { type: 'string' },
        config: { type: 'string' },
        'public-url': { type: 'string' },
        'print-policy': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const config = await serverConfig(values);
  if (values['print-policy']) return printPolicy(config);

  const server = await startServer({ config });
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return 0;
}

/** Defaults < config file < environment < command-line flags. */
async function serverConfig(values: Record<string, string | boolean | undefined>): Promise<Partial<ServerConfig>> {
  const config: Partial<ServerConfig> = {
    ...(typeof values.config === 'string' ? await loadConfigFile(values.config) : {}),
    ...configFromEnv(process.env),
  };
  if (typeof values.port === 'string') {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port: expected a port number');
    config.port = port;
  }
  if (typeof values.host === 'string') config.host = values.host;
  if (typeof values.database === 'string') config.databaseUrl = values.database;
  if (typeof values.data === 'string') config.dataDir = values.data;
  if (typeof values['public-url'] === 'string') {
    if (!/^https?:\/\/[^\s]+$/.test(values['public-url'])) throw new UsageError('--public-url: expected an http(s) URL');
    config.publicUrl = values['public-url'];
  }
  if (config.databaseUrl && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) throw new UsageError('--database: expected a postgres:// URL');
  if (!config.databaseUrl) config.dataDir ??= DEFAULT_DATA_DIR;
  return config;
}

async function printPolicy(config: Partial<ServerConfig>): Promise<number> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const key = await ensureSigningKey(db);
    const publicUrl = config.publicUrl ?? `http://${config.host ?? '127.0.0.1'}:${config.port ?? 8787}`;
    console.log(JSON.stringify(policySnippet(publicUrl, key.publicKeySpki, config.reportToken), null, 2));
    return 0;
  } finally {
    await db.close();
  }
}
