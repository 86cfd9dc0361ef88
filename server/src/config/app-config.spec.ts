import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded database and demo mode', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoMode).toBe(true);
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.jobsEnabled).toBe(true);
  });

  it('turns the scheduled jobs off with JOBS_ENABLED=false', () => {
    expect(loadConfig({ JOBS_ENABLED: 'false' }).jobsEnabled).toBe(false);
  });

  it('sets the delays of the jobs: 4 working hours to chase, 3 days to lost to follow-up, 12 months to pseudonymise', () => {
    expect(loadConfig({})).toMatchObject({ chaseAfterWorkingHours: 4, lostToFollowUpDays: 3, retentionMonths: 12 });
    expect(loadConfig({ CHASE_AFTER_WORKING_HOURS: '2', LOST_TO_FOLLOW_UP_DAYS: '7', RETENTION_MONTHS: '24' })).toMatchObject({
      chaseAfterWorkingHours: 2,
      lostToFollowUpDays: 7,
      retentionMonths: 24,
    });
  });

  it('gives calendar feeds 7 days back and 30 ahead, and leaves messages unsent without SMTP_URL', () => {
    expect(loadConfig({})).toMatchObject({
      calendarDaysBack: 7,
      calendarDaysAhead: 30,
      smtpUrl: undefined,
      cptsEmail: undefined,
      mailFrom: 'creneau@localhost',
    });
    expect(
      loadConfig({
        CALENDAR_DAYS_BACK: '3',
        CALENDAR_DAYS_AHEAD: '60',
        SMTP_URL: 'smtps://creneau:secret@smtp.cpts.test:465',
        CPTS_EMAIL: 'coordination@cpts.test',
      }),
    ).toMatchObject({
      calendarDaysBack: 3,
      calendarDaysAhead: 60,
      smtpUrl: 'smtps://creneau:secret@smtp.cpts.test:465',
      cptsEmail: 'coordination@cpts.test',
      mailFrom: 'coordination@cpts.test',
    });
    expect(loadConfig({ MAIL_FROM: 'Créneau <creneau@cpts.test>' }).mailFrom).toBe('Créneau <creneau@cpts.test>');
  });

  it('turns demo mode off by default when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(config.demoMode).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', DEMO: 'true' }).demoMode).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DEMO: 'maybe' }, /DEMO/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ JOBS_ENABLED: 'sometimes' }, /JOBS_ENABLED/],
    [{ CHASE_AFTER_WORKING_HOURS: '0' }, /CHASE_AFTER_WORKING_HOURS/],
    [{ RETENTION_MONTHS: 'a year' }, /RETENTION_MONTHS/],
    [{ CALENDAR_DAYS_AHEAD: '-1' }, /CALENDAR_DAYS_AHEAD/],
    [{ SMTP_URL: 'http://smtp.cpts.test' }, /SMTP_URL/],
    [{ CPTS_EMAIL: 'coordination' }, /CPTS_EMAIL/],
  ])('refuses %p with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
