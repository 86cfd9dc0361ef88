import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { SlotSearchHit } from '@creneau/contracts';
import { settle } from '../../../testing/settle';
import { slotHit } from '../../../testing/slot-fixtures';
import { HOSPITAL } from '../../../testing/territory-fixtures';
import { SlotListComponent } from './slot-list.component';

describe('SlotListComponent', () => {
  let fixture: ComponentFixture<SlotListComponent>;
  let list: HTMLElement;
  let chosen: SlotSearchHit[];
  const hits = [slotHit('s1', 3), slotHit('s2', 50, { distanceKm: 12, stretcherAccessible: false }), slotHit('s3', 60)];

  async function show(inputs: Record<string, unknown> = {}): Promise<void> {
    fixture = TestBed.createComponent(SlotListComponent);
    fixture.componentRef.setInput('hits', hits);
    fixture.componentRef.setInput('timeZone', 'Europe/Paris');
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    chosen = [];
    fixture.componentInstance.chosen.subscribe((hit) => chosen.push(hit));
    list = fixture.nativeElement as HTMLElement;
    document.body.appendChild(list);
    await settle(fixture);
  }
  afterEach(() => fixture.destroy());

  const rows = () => Array.from(list.querySelectorAll('tbody tr'));
  const headers = () => Array.from(list.querySelectorAll('thead th')).map((th) => th.textContent?.trim());

  it('lists the slots earliest first, each with its button, the first one focused', async () => {
    await show();
    expect(headers()).toEqual(['Date et heure', 'Centre', 'Secteur', 'Action']);
    expect(list.querySelector('caption')?.textContent?.trim()).toBe('Créneaux libres, du plus tôt au plus tard');
    expect(rows()).toHaveLength(3);
    const first = rows()[0].querySelector('button') as HTMLButtonElement;
    expect(first.textContent?.trim()).toBe('Retenir');
    expect(first.getAttribute('aria-label')).toMatch(new RegExp(`^Retenir .+ \\d\\d:\\d\\d, ${HOSPITAL.name}$`));
    expect(document.activeElement).toBe(first);

    (rows()[1].querySelector('button') as HTMLButtonElement).click();
    expect(chosen.map((hit) => hit.slotId)).toEqual(['s2']);
  });

  it('tells the accessibility, the distance and the slots after the target time when detailed', async () => {
    await show({ detailed: true, targetAt: Date.now() + 48 * 3_600_000 });
    expect(headers()).toEqual(['Date et heure', 'Centre', 'Secteur', 'Accessibilité', 'Distance', 'Action']);
    expect(rows()[0].textContent).not.toContain('après 48 h');
    expect(rows()[1].textContent).toContain('après 48 h');
    expect(rows()[1].textContent).toContain('fauteuil, pas de brancard');
    expect(rows()[1].textContent).toContain('12 km');
    expect(rows()[0].textContent).toContain('—');
  });

  it('greys out what others took or hold, and marks the slot held here', async () => {
    await show({
      taken: new Set(['s1', 's3']),
      heldElsewhere: new Set(['s3']),
      heldSlotId: 's2',
      action: 'Choisir',
      caption: 'Autres créneaux libres, du plus tôt au plus tard',
    });
    expect(rows().map((row) => row.classList.contains('taken'))).toEqual([true, false, true]);
    expect(rows()[0].querySelector('td:last-child')?.textContent?.trim()).toBe('Pris');
    expect(rows()[2].querySelector('td:last-child')?.textContent?.trim()).toBe('Retenu par un autre secrétariat');
    const mine = rows()[1].querySelector('button') as HTMLButtonElement;
    expect(rows()[1].classList).toContain('held');
    expect(mine.textContent?.trim()).toBe('Choisir');
    expect(mine.disabled).toBe(true);
    // Something is held already: the focus stays where it is.
    expect(document.activeElement).not.toBe(mine);
  });
});
