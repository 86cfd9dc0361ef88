import type { ComponentFixture } from '@angular/core/testing';
import { button, typeInto } from './dom';
import { settle } from './settle';

/** Opens « Fermer une période » and sends the closure form of that centre, days as `yyyy-mm-dd`, as a user would. */
export async function submitClosure(
  fixture: ComponentFixture<unknown>,
  centreId: string,
  closure: { from: string; to: string; reason: string },
): Promise<void> {
  const page = fixture.nativeElement as HTMLElement;
  button(page, 'Fermer une période').click();
  await settle(fixture);
  typeInto(page, `#closure-from-${centreId}`, closure.from);
  typeInto(page, `#closure-to-${centreId}`, closure.to);
  typeInto(page, `#closure-reason-${centreId}`, closure.reason);
  page.querySelector('cr-closure-form form')?.dispatchEvent(new Event('submit'));
}
