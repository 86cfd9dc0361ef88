import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '@creneau/contracts';
import type { Actor } from './actor';

export const ACCESS_RULE = 'creneau:access-rule';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, signed in or not, may call this route. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Only signed-in accounts with one of these roles; scoping by centre or doctor is the service's job. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);

/** Every signed-in account, whatever its role. */
export const AnyRole = () => Allow(...ROLES);

/** The signed-in caller, as resolved by the access guard. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without a role rule.');
  return actor;
});
