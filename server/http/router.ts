// Routes a request by method and path; HttpErrors become JSON answers, anything else a logged 500.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../ops/log.ts';
import { HttpError } from './http-error.ts';
import { sendJson } from './respond.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export function router(routes: Record<string, Partial<Record<string, Handler>>>, log: Logger): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://server');
    } catch {
      sendJson(res, 400, { error: 'bad request target' });
      return;
    }
    const byMethod = routes[url.pathname];
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const handler = byMethod?.[method];
    try {
      if (!byMethod) throw new HttpError(404, `no such path: ${url.pathname.slice(0, 100)}`);
      if (!handler) throw new HttpError(405, `method ${req.method} not allowed here`, { allow: Object.keys(byMethod).join(', ') });
      await handler(req, res, url);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, { error: error.message }, error.headers);
      } else {
        log('error', 'request failed', { method: req.method, path: url.pathname, error: (error as Error).stack ?? String(error) });
        sendJson(res, 500, { error: 'internal error' });
      }
    }
  };
}
