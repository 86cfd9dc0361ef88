import { ComponentFixture } from '@angular/core/testing';

/** Lets awaited handlers (HTTP answers turned into promises, navigations) finish, then renders. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
