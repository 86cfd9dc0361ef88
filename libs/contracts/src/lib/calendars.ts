/** centre: one centre's agenda; account: a centre-staff account's own centres; secretariat: the territory's appointments. */
export const FEED_SCOPES = ['centre', 'account', 'secretariat'] as const;
export type FeedScopeKind = (typeof FEED_SCOPES)[number];

/** A calendar feed as its managers see it: never its token. */
export interface CalendarFeedView {
  id: string;
  scope: FeedScopeKind;
  label: string;
  centreId: string | null;
  centreName: string | null;
  accountId: string | null;
  accountName: string | null;
  createdAt: string;
  tokenCreatedAt: string;
  revokedAt: string | null;
}

/** Right after creation or regeneration, once: only the token's hash is kept. */
export interface CalendarFeedAccess extends CalendarFeedView {
  token: string;
  /** The subscription address below the server's (https://…/api/calendars/feed.ics?token=…). */
  path: string;
}

/** Body of `POST /api/calendar-feeds`. */
export interface CalendarFeedInput {
  scope: FeedScopeKind;
  /** Only for a centre's feed. */
  centreId?: string;
  /** Whose calendar it goes into ("iPhone du Dr Morel"), to recognise it when revoking. */
  label: string;
}

export interface CalendarSettingsView {
  centreId: string;
  showPatientNames: boolean;
}
