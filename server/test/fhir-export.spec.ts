import { demoCentreIds, DemoCentreKey, insertSlot } from './support/agenda-fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface Resource {
  resourceType: string;
  id: string;
  schedule?: { reference: string };
  actor?: { reference: string }[];
  status?: string;
  extension?: { url: string; valueInteger?: number }[];
  serviceType?: { coding: { code: string }[] }[];
}

describe('FHIR export of the pooled free slots (SMART Scheduling Links)', () => {
  let server: TestApp;
  let centres: Record<DemoCentreKey, string>;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    centres = await demoCentreIds(server.dataSource);
  });

  afterAll(() => server.close());

  const read = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/fhir+ndjson');
    return (await response.text())
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Resource);
  };

  it('publishes a manifest whose Slot, Schedule and Location files reference one another, free slots only, with no sign-in', async () => {
    const free = await insertSlot(server.dataSource, {
      centreId: centres.clinic,
      modality: 'ct',
      startsInHours: 5,
      capacity: 3,
      bookedCount: 1,
    });
    const booked = await insertSlot(server.dataSource, {
      centreId: centres.clinic,
      modality: 'ct',
      startsInHours: 6,
      bookedCount: 1,
    });

    const manifest = (await (await fetch(`${server.baseUrl}/api/fhir/$bulk-publish`)).json()) as {
      output: { type: string; url: string }[];
    };
    expect(manifest.output.map((output) => output.type)).toEqual(['Location', 'Schedule', 'Slot']);
    const [locations, schedules, slots] = await Promise.all(manifest.output.map((output) => read(output.url)));

    expect(slots.map((slot) => slot.id)).toEqual([free]);
    expect(slots.map((slot) => slot.id)).not.toContain(booked);
    expect(slots[0]).toMatchObject({ resourceType: 'Slot', status: 'free' });
    expect(slots[0].extension).toContainEqual({ url: expect.stringContaining('slot-capacity'), valueInteger: 2 });

    const scheduleIds = new Set(schedules.map((schedule) => `Schedule/${schedule.id}`));
    const locationIds = new Set(locations.map((location) => `Location/${location.id}`));
    expect(slots.every((slot) => scheduleIds.has(slot.schedule?.reference ?? ''))).toBe(true);
    expect(schedules.every((schedule) => locationIds.has(schedule.actor?.[0].reference ?? ''))).toBe(true);
    expect(locations).toHaveLength(3);
    const ctAtClinic = schedules.find((schedule) => schedule.id === `${centres.clinic}-ct`);
    expect(ctAtClinic?.serviceType?.[0].coding.map((coding) => coding.code)).toEqual(['CT']);
  });
});
