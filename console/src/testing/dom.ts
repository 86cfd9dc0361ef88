/** Types into an input, a textarea or a select as the user would: the value, then its event. */
export function typeInto(root: HTMLElement, selector: string, value: string): void {
  const field = root.querySelector(selector) as HTMLInputElement | HTMLSelectElement | null;
  if (!field) throw new Error(`No field ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
}

export function clickOn(root: HTMLElement, selector: string): void {
  const element = root.querySelector(selector) as HTMLElement | null;
  if (!element) throw new Error(`Nothing matches ${selector}`);
  element.click();
}

/** The button whose text is exactly this. */
export function button(root: HTMLElement, text: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`No button “${text}”`);
  return found;
}
