// CORS for report intake: the extension's own origins and the configured add-in origins; preflight answered here.
import type { IncomingMessage, ServerResponse } from 'node:http';

const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36}|safari-web-extension:\/\/[0-9A-Fa-f-]{36})$/;

export function allowedOrigin(origin: string | undefined, configured: readonly string[]): string | undefined {
  if (!origin) return undefined;
  if (EXTENSION_ORIGIN.test(origin) || configured.includes(origin)) return origin;
  return undefined;
}

/** Headers for a request from `origin` (empty when the origin is not allowed). */
export function corsHeaders(req: IncomingMessage, configured: readonly string[]): Record<string, string> {
  const origin = allowedOrigin(req.headers.origin, configured);
  if (!origin) return { vary: 'origin' };
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse, configured: readonly string[], methods: string): void {
  const headers = corsHeaders(req, configured);
  if (headers['access-control-allow-origin']) {
    headers['access-control-allow-methods'] = methods;
    headers['access-control-allow-headers'] = 'content-type, authorization, idempotency-key';
    headers['access-control-max-age'] = '600';
  }
  res.writeHead(headers['access-control-allow-origin'] ? 204 : 403, headers);
  res.end();
}
