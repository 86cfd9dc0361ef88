import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'creneau_session';
/** Angular's XSRF convention: the console reads this cookie and echoes it in `X-XSRF-TOKEN`. */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

/** httpOnly session cookie, Secure when the request came over TLS (`trust proxy` decides behind a proxy). */
export function sessionCookieOptions(request: Request): CookieOptions {
  return { httpOnly: true, secure: request.secure, sameSite: 'strict', path: '/' };
}

/** Readable by the console's script on purpose: that is how it echoes the token. */
export function xsrfCookieOptions(request: Request): CookieOptions {
  return { httpOnly: false, secure: request.secure, sameSite: 'strict', path: '/' };
}
