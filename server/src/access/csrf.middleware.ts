import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { XSRF_COOKIE, XSRF_HEADER, xsrfCookieOptions } from './cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF protection in Angular's convention: every response hands out an `XSRF-TOKEN`
 * cookie if the client has none, and every state-changing request must echo it in `X-XSRF-TOKEN`.
 * A page of another site can neither read the cookie nor set the header.
 */
export function csrfMiddleware(request: Request, response: Response, next: NextFunction): void {
  const cookie: unknown = request.cookies?.[XSRF_COOKIE];
  if (typeof cookie !== 'string' || cookie.length < 32) {
    response.cookie(XSRF_COOKIE, randomBytes(32).toString('base64url'), xsrfCookieOptions(request));
  }
  if (SAFE_METHODS.has(request.method)) return next();

  const header = request.headers[XSRF_HEADER];
  if (typeof cookie === 'string' && typeof header === 'string' && sameToken(cookie, header)) return next();
  response.status(403).json({ statusCode: 403, error: 'Forbidden', message: 'Jeton CSRF absent ou invalide.' });
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
