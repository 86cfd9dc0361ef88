import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SessionService } from '../accounts/session.service';
import { ACCESS_RULE, AccessRule } from './access.decorators';
import type { Actor } from './actor';
import { SESSION_COOKIE } from './cookies';

/**
 * Global guard that denies by default: a route without an explicit rule (`@Public`, `@Allow`,
 * `@AnyRole`) is refused to everyone, so a forgotten rule fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const actor = await this.sessions.resolve(request.cookies?.[SESSION_COOKIE]);
    if (!actor) throw new UnauthorizedException('Connexion requise.');
    if (!rule) throw new ForbiddenException('Aucune règle d’accès pour cette route.');
    if (!rule.roles.includes(actor.role)) throw new ForbiddenException('Votre rôle ne permet pas cette action.');
    request.actor = actor;
    return true;
  }
}
