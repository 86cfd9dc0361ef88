import type { INestApplication } from '@nestjs/common';

/**
 * `METHOD /path` of every route Express holds under /api: the server's real route table, so that a
 * new route is walked by the tests without anyone listing it. Leaves out the OpenAPI docs' own routes
 * and the request logger's catch-all middleware (`/api/{*path}`), which handles nothing.
 */
export function registeredApiRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .flatMap((layer) =>
      layer.route ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route?.path}`) : [],
    )
    .filter((route) => route.includes(' /api/') && !route.includes(' /api/docs') && !route.endsWith(' /api/{*path}'));
}
