// The review API: GET /api/admin/queue and POST /api/admin/decisions, behind the admin token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../server-context.ts';
import { HttpError } from '../http/http-error.ts';
import { bearerToken, tokenMatches } from '../http/bearer-token.ts';
import { parseJsonBody, readBody } from '../http/read-body.ts';
import { sendJson } from '../http/respond.ts';
import { readDecision } from './decision-target.ts';
import { recordDecision } from './decisions.ts';
import { reviewQueue } from './review-queue.ts';
import { policySnippet } from '../print-policy.ts';

const DAY_MS = 86_400_000;

function requireAdmin(ctx: ServerContext, req: IncomingMessage): void {
  if (!tokenMatches(bearerToken(req), ctx.adminTokenSha256)) {
    throw new HttpError(401, 'admin token required (Authorization: Bearer …)', { 'www-authenticate': 'Bearer' });
  }
}

export async function getQueue(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  requireAdmin(ctx, req);
  const days = url.searchParams.has('days') ? Number(url.searchParams.get('days')) : 90;
  if (!Number.isFinite(days) || days <= 0) throw new HttpError(400, 'days: expected a positive number');
  sendJson(res, 200, await reviewQueue(ctx.db, new Date(Date.now() - days * DAY_MS)));
}

export async function postDecision(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  requireAdmin(ctx, req);
  const request = readDecision(parseJsonBody(req, await readBody(req, 16 * 1024)));
  if (typeof request === 'string') throw new HttpError(400, request);
  const proxyUser = ctx.config.trustProxy ? String(req.headers['x-forwarded-user'] ?? req.headers['x-forwarded-email'] ?? '').trim() : '';
  const decision = await recordDecision(ctx.db, request, request.by ?? (proxyUser || 'admin token'));
  ctx.feed.invalidate();
  ctx.log('info', 'decision recorded', { target: decision.target, key: decision.key, verdict: decision.verdict, by: decision.decidedBy });
  sendJson(res, 201, { decision });
}

/** GET /api/admin/policy: the policy snippet (same as --print-policy) for the URL this request reached. */
export async function getPolicy(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  requireAdmin(ctx, req);
  const base = ctx.config.publicUrl ?? `http://${req.headers.host ?? `${ctx.config.host}:${ctx.config.port}`}`;
  sendJson(res, 200, policySnippet(base, ctx.signingKey.publicKeySpki, ctx.config.reportToken));
}
