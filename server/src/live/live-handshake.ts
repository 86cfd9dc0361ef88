import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { SESSION_COOKIE } from '../access/cookies';
import { SessionService } from '../accounts/session.service';
import { actorRooms } from './live-rooms';

/** What the server keeps on each socket. */
export interface LiveSocketData {
  actor: Actor;
  /** The rooms of what this console may see, joined once it subscribes. */
  audience: string[];
  subscribed: boolean;
}

export class HandshakeRefused extends Error {}

/** Who opens a socket: the session cookie as for the API, from a page of this very site. */
@Injectable()
export class LiveHandshake {
  constructor(
    private readonly sessions: SessionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async authenticate(request: IncomingMessage & { cookies?: Record<string, unknown> }): Promise<LiveSocketData> {
    if (!sameSite(request)) throw new HandshakeRefused('Origine non autorisée.');
    const actor = await this.sessions.resolve(request.cookies?.[SESSION_COOKIE]);
    if (!actor) throw new HandshakeRefused('Connexion requise.');
    const territories = (await this.dataSource.query(`SELECT id FROM territory ORDER BY id`)) as { id: string }[];
    return {
      actor,
      audience: actorRooms(
        actor,
        territories.map((territory) => territory.id),
      ),
      subscribed: false,
    };
  }
}

/** A browser names the page that opens a WebSocket: another site's page is refused (cross-site WebSocket hijacking). */
function sameSite(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser: the cookie alone decides
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
