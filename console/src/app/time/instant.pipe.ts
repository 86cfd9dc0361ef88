import { Pipe, PipeTransform } from '@angular/core';

const formats = new Map<string, Intl.DateTimeFormat>();

/** An ISO 8601 instant as a French date and time in the given zone (the territory's), e.g. `23/11/2026 14:05:09`. */
@Pipe({ name: 'instant' })
export class InstantPipe implements PipeTransform {
  transform(iso: string, timeZone: string): string {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('fr-FR', { timeZone, dateStyle: 'short', timeStyle: 'medium' });
      formats.set(timeZone, format);
    }
    return format.format(new Date(iso));
  }
}
