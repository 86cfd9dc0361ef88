/**
 * At most `limit` reports at a time in this instance, the others wait their turn. A report takes one pooled
 * connection per statement, all held until the last one ends: unbounded, a few reports at once could each hold
 * part of the pool while waiting for the rest, and starve each other and every other request.
 */
export class ReportGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
