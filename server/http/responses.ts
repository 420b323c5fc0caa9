import type { ServerResponse } from 'node:http';
import { DomainError, ForbiddenError, UnauthenticatedError } from '../domain/errors.ts';

/**
 * Answers of the HTTP endpoints beside GraphQL (export, import) in the shape of GraphQL errors:
 * `{ errors: [{ message, extensions: { code, fieldErrors? } }] }`, so clients read one format.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

export function sendDomainError(res: ServerResponse, error: DomainError) {
  const status = error instanceof UnauthenticatedError ? 401 : error instanceof ForbiddenError ? 403 : error.code === 'NOT_FOUND' ? 404 : 400;
  if (status === 401) res.setHeader('www-authenticate', 'Bearer');
  sendJson(res, status, { errors: [{ message: error.message, extensions: error.extensions }] });
}
