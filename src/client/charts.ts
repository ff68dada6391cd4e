/**
 * The one client module for survey charts. Astro bundles it once per page that renders a chart
 * (src/components/survey/BarChart.astro); pages without charts ship no JavaScript.
 *
 * The table beside each chart holds the same numbers, so the chart is an enhancement: Chart.js is
 * fetched only when the first chart nears the viewport, and only the parts a horizontal bar chart
 * uses are registered. Colours come from the page's CSS custom properties so dark mode follows.
 */
import type { Chart as ChartType, ChartConfiguration, Plugin } from 'chart.js';
import type { ChartSpec } from '@/lib/surveys/stats';

type BarChart = ChartType<'bar', number[], string | string[]>;

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const darkScheme = matchMedia('(prefers-color-scheme: dark)');
const charts = new Map<HTMLCanvasElement, { chart: BarChart; spec: ChartSpec }>();

let chartModule: Promise<typeof ChartType> | undefined;

/** Loads Chart.js once, with only the bar chart's controller, element and scales. */
function loadChart(): Promise<typeof ChartType> {
  chartModule ??= import('chart.js').then(({ Chart, BarController, BarElement, CategoryScale, LinearScale }) => {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale);
    return Chart;
  });
  return chartModule;
}

interface Palette {
  bar: string;
  chosen: string;
  missing: string;
  missingLine: string;
  grid: string;
  text: string;
  font: string;
}

function palette(element: Element): Palette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    bar: read('--chart-bar', '#6b8fd6'),
    chosen: read('--highlight', '#b3261e'),
    missing: read('--fg-muted', '#57606a'),
    missingLine: read('--fg-muted', '#57606a'),
    grid: read('--chart-grid', '#d0d7de'),
    text: read('--fg', '#1b1f24'),
    font: style.fontFamily,
  };
}

/**
 * The not-reported remainder is a share, not an answer: outlined and hatched, never filled like an
 * answer's bar, so it cannot be read as one.
 */
function hatch(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return 'transparent';
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? 'transparent';
}

function barStyle(spec: ChartSpec, p: Palette) {
  const missing = hatch(p.missing);
  return {
    backgroundColor: spec.kinds.map((k) => (k === 'chosen' ? p.chosen : k === 'missing' ? missing : p.bar)),
    borderColor: spec.kinds.map((k) => (k === 'missing' ? p.missingLine : 'transparent')),
    borderWidth: spec.kinds.map((k) => (k === 'missing' ? 2 : 0)),
  };
}

/** Korean labels are long: break them into lines of about 16 characters at spaces. */
function wrap(label: string, width = 16): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Writes each bar's value at its end, so the chart reads without hovering (no tooltip needed). */
function valueLabels(spec: ChartSpec, colour: () => string): Plugin<'bar'> {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.fillStyle = colour();
      ctx.font = `600 13px ${chart.options.font?.family ?? 'sans-serif'}`;
      ctx.textBaseline = 'middle';
      meta.data.forEach((bar, i) => {
        // The table's own wording ("약 75%", "4.2개"), so chart and table never disagree.
        const text = spec.displays[i];
        if (text === undefined) return;
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.fillText(text, x + 6, y);
      });
      ctx.restore();
    },
  };
}

async function draw(canvas: HTMLCanvasElement): Promise<void> {
  const data = canvas.parentElement?.querySelector<HTMLScriptElement>('script[data-chart-data]');
  if (!data || charts.has(canvas)) return;
  const spec = JSON.parse(data.textContent ?? '{}') as ChartSpec;
  const Chart = await loadChart();
  const p = palette(canvas);

  const config: ChartConfiguration<'bar', number[], string | string[]> = {
    type: 'bar',
    data: {
      labels: spec.labels.map((l) => wrap(l)),
      datasets: [{ data: spec.values, ...barStyle(spec, p), barPercentage: 0.8, categoryPercentage: 0.9 }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion.matches ? false : { duration: 500 },
      // Room on the right for the value written after the longest bar.
      layout: { padding: { right: 56 } },
      font: { family: p.font },
      events: [],
      scales: {
        x: {
          min: 0,
          // Percentages run to 100; a numeric question's axis ends a little past its largest value.
          ...(spec.max !== undefined ? { max: spec.max } : { grace: '10%' }),
          grid: { color: p.grid },
          border: { color: p.grid },
          ticks: { color: p.text, callback: (v) => `${String(v)}${spec.unit === '%' ? '%' : ''}`, font: { family: p.font } },
        },
        y: {
          grid: { display: false },
          border: { color: p.grid },
          ticks: { color: p.text, autoSkip: false, font: { family: p.font, size: 13 } },
        },
      },
    },
    plugins: [valueLabels(spec, () => palette(canvas).text)],
  };
  charts.set(canvas, { chart: new Chart(canvas, config) as BarChart, spec });
}

/** Recolours every drawn chart when the reader switches between light and dark. */
function recolour(): void {
  for (const [canvas, { chart, spec }] of charts) {
    const p = palette(canvas);
    const dataset = chart.data.datasets[0];
    if (dataset) Object.assign(dataset, barStyle(spec, p));
    const { x, y } = chart.options.scales ?? {};
    for (const scale of [x, y]) {
      if (!scale) continue;
      if (scale.ticks) scale.ticks.color = p.text;
      if (scale.grid) scale.grid.color = p.grid;
      if (scale.border) scale.border.color = p.grid;
    }
    chart.update('none');
  }
}

function start(): void {
  const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')];
  if (canvases.length === 0) return;
  const report = (error: unknown) => console.warn('차트를 그리지 못했습니다. 표의 수치를 보세요.', error);
  if (!('IntersectionObserver' in window)) {
    canvases.forEach((c) => draw(c).catch(report));
  } else {
    // Start a little before the chart scrolls in, so it is drawn by the time it is seen.
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          draw(entry.target as HTMLCanvasElement).catch(report);
        }
      },
      { rootMargin: '300px 0px' },
    );
    canvases.forEach((c) => observer.observe(c));
  }
  darkScheme.addEventListener('change', recolour);
}

start();
