import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { appointmentItem, slotItem } from './calendar-items';
import type { AppointmentRow, SlotRow } from './calendar-rows';
import { EtagMemo } from './etag-memo';
import { digestRows, feedAppointmentsQuery, feedSlotsQuery, readRows, type FeedScope, type RowsQuery } from './feed-queries';
import { feedTokenHash } from './feed-token';
import type { FeedScopeKind } from '@creneau/contracts';
import { feedWindow } from './feed-window';
import { matchesIfNoneMatch, strongEtag } from './http-etag';
import { writeCalendar, type CalendarHead } from './ics-writer';

/** Semi-urgent appointments are within 24–48 h: a quarter of an hour is as often as clients usually allow. */
const REFRESH_SECONDS = 15 * 60;

interface LiveFeed {
  id: string;
  scope: FeedScopeKind;
  territory_id: string;
  timezone: string;
  centre_id: string | null;
  centre_name: string | null;
  account_id: string | null;
  account_name: string | null;
}

/** The feed's text, or null when the client's copy (If-None-Match) is still right. */
export interface RenderedFeed {
  body: string | null;
  etag: string;
}

/** The text of a feed, for whoever holds its token: anything wrong about the token is a 404, and nothing more. */
@Injectable()
export class FeedContentService {
  private readonly etags = new EtagMemo();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async render(token: unknown, ifNoneMatch: string | undefined): Promise<RenderedFeed> {
    const feed = await this.find(token);
    const head: CalendarHead = { name: nameOf(feed), timeZone: feed.timezone, refreshSeconds: REFRESH_SECONDS };
    const window = feedWindow(new Date(), this.config);
    const scope = await this.scopeOf(feed);
    // The secretariat's feed is its appointments; the centres' are their reserved slots too.
    const slotsQuery = feed.scope === 'secretariat' ? null : feedSlotsQuery(scope.centreIds ?? [], window);
    const appointmentsQuery = feedAppointmentsQuery(scope, window);

    // One snapshot for the digest and the rows, so that a digest never stands for other rows than those written.
    const read = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const digest = [JSON.stringify(head), ...(await digests(manager, [slotsQuery, appointmentsQuery]))].join(':');
      const known = this.etags.known(feed.id, digest);
      if (known && matchesIfNoneMatch(ifNoneMatch, known)) return { unchanged: true as const, digest, etag: known };
      const slots = slotsQuery ? await readRows<SlotRow>(manager, slotsQuery) : [];
      return {
        unchanged: false as const,
        digest,
        slots,
        appointments: await readRows<AppointmentRow>(manager, appointmentsQuery),
      };
    });
    if (read.unchanged) return { body: null, etag: read.etag };

    const items = [...read.slots.map(slotItem), ...read.appointments.map(appointmentItem)];
    items.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : 1));
    const body = writeCalendar(head, items);
    const etag = strongEtag(body);
    this.etags.remember(feed.id, read.digest, etag);
    if (matchesIfNoneMatch(ifNoneMatch, etag)) return { body: null, etag };
    const named = read.appointments.filter((row) => row.patient_name !== null).length;
    // Patients' names leave Créneau here: a read of personal data, kept like the console's.
    if (named > 0) {
      await this.audit.record({
        actor: null,
        action: 'read',
        entity: 'calendar-feed',
        entityId: feed.id,
        details: { appointments: read.appointments.length, named },
      });
    }
    return { body, etag };
  }

  private async find(token: unknown): Promise<LiveFeed> {
    const hash = feedTokenHash(token);
    const [feed] = hash
      ? ((await this.dataSource.query(
          `SELECT f.id, f.scope, f.territory_id, t.timezone, f.centre_id, c.name AS centre_name, f.account_id,
                  a.display_name AS account_name
             FROM calendar_feed f JOIN territory t ON t.id = f.territory_id
             LEFT JOIN centre c ON c.id = f.centre_id LEFT JOIN account a ON a.id = f.account_id
            WHERE f.token_hash = $1 AND f.revoked_at IS NULL
              AND (f.scope <> 'account' OR (a.disabled_at IS NULL AND a.role = 'centre'))`,
          [hash],
        )) as LiveFeed[])
      : [];
    if (!feed) throw new NotFoundException('Flux d’agenda introuvable.');
    return feed;
  }

  /** A radiologist's feed follows their centres as they are now; only the secretariat's feed never names patients. */
  private async scopeOf(feed: LiveFeed): Promise<FeedScope> {
    if (feed.scope === 'secretariat') return { territoryId: feed.territory_id, centreIds: null, patientNames: false };
    const centreIds =
      feed.scope === 'centre'
        ? [feed.centre_id as string]
        : (
            (await this.dataSource.query(`SELECT centre_id FROM account_centre WHERE account_id = $1`, [feed.account_id])) as {
              centre_id: string;
            }[]
          ).map((row) => row.centre_id);
    return { territoryId: feed.territory_id, centreIds, patientNames: true };
  }
}

async function digests(manager: Parameters<typeof digestRows>[0], queries: (RowsQuery | null)[]): Promise<string[]> {
  const result: string[] = [];
  for (const query of queries) result.push(query ? await digestRows(manager, query) : '');
  return result;
}

function nameOf(feed: LiveFeed): string {
  if (feed.scope === 'centre') return `Créneau — ${feed.centre_name}`;
  if (feed.scope === 'account') return `Créneau — ${feed.account_name}`;
  return 'Créneau — rendez-vous du territoire';
}
