import type { CalendarFeedView, FeedScopeKind } from '@creneau/contracts';

export interface FeedRow {
  id: string;
  scope: FeedScopeKind;
  label: string;
  centre_id: string | null;
  centre_name: string | null;
  account_id: string | null;
  account_name: string | null;
  created_at: Date;
  token_created_at: Date;
  revoked_at: Date | null;
}

export const FEED_SELECT = `SELECT f.id, f.scope, f.label, f.centre_id, c.name AS centre_name, f.account_id,
    a.display_name AS account_name, f.created_at, f.token_created_at, f.revoked_at
  FROM calendar_feed f LEFT JOIN centre c ON c.id = f.centre_id LEFT JOIN account a ON a.id = f.account_id`;

export function toFeedView(row: FeedRow): CalendarFeedView {
  return {
    id: row.id,
    scope: row.scope,
    label: row.label,
    centreId: row.centre_id,
    centreName: row.centre_name,
    accountId: row.account_id,
    accountName: row.account_name,
    createdAt: row.created_at.toISOString(),
    tokenCreatedAt: row.token_created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
