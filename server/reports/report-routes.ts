// POST /api/reports: authorise, rate-limit, read (capped), validate, store once, answer after commit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../server-context.ts';
import { HttpError } from '../http/http-error.ts';
import { parseJsonBody, readBody } from '../http/read-body.ts';
import { sendJson } from '../http/respond.ts';
import { bearerToken, sha256Hex, tokenMatches } from '../http/bearer-token.ts';
import { clientAddress } from '../http/client-address.ts';
import { corsHeaders } from '../http/cors.ts';
import { validateReport } from './validate-report.ts';
import { storeReport } from './store-report.ts';
import { reporterId } from './reporter-id.ts';

export async function postReport(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const cors = corsHeaders(req, ctx.config.allowedOrigins);
  try {
    const address = clientAddress(req, ctx.config.trustProxy);
    const wait = ctx.rateLimiter.take(address);
    if (wait > 0) throw new HttpError(429, 'too many reports from this address; retry later', { 'retry-after': String(wait) });
    if (ctx.config.reportToken !== undefined && !tokenMatches(bearerToken(req), sha256Hex(ctx.config.reportToken))) {
      throw new HttpError(401, 'missing or wrong report token (Authorization: Bearer …)', { 'www-authenticate': 'Bearer' });
    }
    const body = await readBody(req, ctx.config.maxReportBytes);
    const check = validateReport(parseJsonBody(req, body));
    if (!check.ok) throw new HttpError(400, check.reason);
    ctx.metrics.reportsReceived++;
    const { stored } = await storeReport(ctx.db, check.report, reporterId(req, address, ctx.config.trustProxy), ctx.sinkNames);
    if (stored) {
      ctx.metrics.reportsStored++;
      ctx.onReportStored();
    } else ctx.metrics.reportsDeduplicated++;
    sendJson(res, stored ? 201 : 200, { id: check.report.id, stored, duplicate: !stored }, cors);
  } catch (error) {
    if (error instanceof HttpError) {
      ctx.metrics.reportsRejected.set(error.status, (ctx.metrics.reportsRejected.get(error.status) ?? 0) + 1);
      if (error.status === 413) res.setHeader('connection', 'close');
      sendJson(res, error.status, { error: error.message }, { ...cors, ...error.headers });
      return;
    }
    if (error instanceof TypeError && /encoded data was not valid/i.test(error.message)) {
      sendJson(res, 400, { error: 'body is not valid UTF-8' }, cors);
      return;
    }
    throw error;
  }
}
