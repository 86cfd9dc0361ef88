import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  InjectionToken,
  input,
  viewChild,
} from '@angular/core';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only what the dashboard draws: the rest of chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

export interface DrawnChart {
  destroy(): void;
}

/** Draws a chart on a canvas; replaced in unit tests, where there is no canvas to draw on. */
export const CHART_FACTORY = new InjectionToken<(canvas: HTMLCanvasElement, config: ChartConfiguration) => DrawnChart>(
  'CHART_FACTORY',
  { providedIn: 'root', factory: () => (canvas, config) => new Chart(canvas, config) },
);

/** A chart.js chart on its canvas, redrawn when its configuration changes; the figures are also in a table beside it. */
@Component({
  selector: 'cr-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<canvas #canvas role="img" [attr.aria-label]="label()"></canvas>`,
  styles: `
    :host {
      display: block;
      position: relative;
      height: 16rem;
    }
  `,
})
export class ChartComponent {
  readonly config = input.required<ChartConfiguration>();
  readonly label = input.required<string>();
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly draw = inject(CHART_FACTORY);
  private chart: DrawnChart | null = null;

  constructor() {
    afterRenderEffect(() => {
      const config = this.config();
      this.chart?.destroy();
      this.chart = this.draw(this.canvas().nativeElement, config);
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }
}
