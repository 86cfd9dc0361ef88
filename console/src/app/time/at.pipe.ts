import { Pipe, PipeTransform } from '@angular/core';
import { formatInstant, InstantStyle } from './format-instant';

/** `{{ slot.start | at: timeZone : 'day-time' }}`: an instant in the territory's zone, in French. */
@Pipe({ name: 'at' })
export class AtPipe implements PipeTransform {
  transform(instant: string, timeZone: string, style: InstantStyle = 'day-time'): string {
    return formatInstant(instant, timeZone, style);
  }
}
