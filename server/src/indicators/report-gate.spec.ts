import { ReportGate } from './report-gate';

describe('ReportGate', () => {
  it('runs at most its limit at once, the others in their order of arrival, even when one fails', async () => {
    const gate = new ReportGate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (index: number) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        order.push(index);
        if (index === 1) throw new Error('failed');
        return index;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map(work));
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await gate.run(async () => 'free again')).toBe('free again');
  });
});
