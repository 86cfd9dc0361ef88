import type { Locator, Page } from 'playwright-core';

/** Drives the page as a person would, and counts what it costs: characters typed, other keys, clicks. */
export class CountedInput {
  characters = 0;
  keys = 0;
  clicks = 0;

  constructor(private readonly page: Page) {}

  async type(text: string): Promise<void> {
    this.characters += text.length;
    await this.page.keyboard.type(text);
  }

  /** One key or one chord (`Control+Enter`). */
  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      this.keys++;
      await this.page.keyboard.press(key);
    }
  }

  /** Types into the focused field, then Tab to the next one. */
  async field(text: string): Promise<void> {
    await this.type(text);
    await this.press('Tab');
  }

  async click(target: Locator): Promise<void> {
    this.clicks++;
    await target.click();
  }

  get total(): number {
    return this.characters + this.keys + this.clicks;
  }
}
