/**
 * @file Hand-written SVG charts for `lgo stats --chart`: horizontal bars of one measure per
 * group, and a column histogram of payment amounts. Self-contained files (no scripts, no
 * external fonts) that open in any browser. Pure: returns the SVG text.
 */

export interface Bar {
  label: string;
  value: number;
  /** The value as shown beside the bar ("£1,200", "67%"). */
  shown: string;
}

export interface ChartSpec {
  title: string;
  /** A second line: the filter, the measure. */
  subtitle?: string;
  bars: Bar[];
  /** How axis ticks read: whole counts (default), pounds, or shares as percentages. */
  axis?: 'count' | 'pounds' | 'percent';
  /** The attribution line at the foot. */
  source: string;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
const BAR_COLOUR = '#1d6fa5';
const MAX_LABEL = 48;

/** Escapes text for SVG content and attribute values. */
export function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function clip(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/** A round step so that about `count` gridlines cover 0..max (1, 2 or 5 times a power of ten). */
export function niceStep(max: number, count = 5, whole = false): number {
  if (max <= 0) return 1;
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = raw / pow;
  const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * pow;
  // Counts have no half decisions.
  return whole ? Math.max(1, step) : step;
}

function tickLabel(n: number, axis: ChartSpec['axis']): string {
  if (axis === 'percent') return `${Math.round(n * 100)}%`;
  const r = Math.round(n * 100) / 100;
  const short = r >= 1_000_000 ? `${r / 1_000_000}m` : r >= 1000 ? `${r / 1000}k` : String(r);
  return axis === 'pounds' ? `£${short}` : short;
}

/** The scale's top and step for values up to `max`. */
function scale(max: number, axis: ChartSpec['axis']): { top: number; step: number } {
  const step = niceStep(max, 5, axis === undefined || axis === 'count');
  return { top: max > 0 ? Math.ceil(max / step) * step : step, step };
}

function frame(width: number, height: number, spec: ChartSpec, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<title>${xml(spec.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="600" fill="#111">${xml(spec.title)}</text>`,
    spec.subtitle ? `<text x="16" y="46" fill="#555">${xml(spec.subtitle)}</text>` : '',
    ...body,
    `<text x="16" y="${height - 12}" font-size="10" fill="#777">${xml(spec.source)}</text>`,
    '</svg>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Horizontal bars, one per group, largest scale at the right; the value is written at the end
 * of each bar and the full label is in a tooltip when clipped.
 * @example barChartSvg({ title: 'Decisions by year', bars: [{ label: '2021', value: 3, shown: '3' }], source: '...' })
 */
export function barChartSvg(spec: ChartSpec): string {
  const labelW = Math.min(360, Math.max(80, ...spec.bars.map((b) => clip(b.label).length * 7 + 12)));
  const width = 960;
  const left = 16 + labelW;
  const plotW = width - left - 90;
  const top = 70;
  const rowH = 24;
  const height = top + Math.max(1, spec.bars.length) * rowH + 56;
  const { top: scaleMax, step } = scale(Math.max(0, ...spec.bars.map((b) => b.value)), spec.axis);
  const x = (v: number): number => left + (v / scaleMax) * plotW;
  const body: string[] = [];
  const plotBottom = top + spec.bars.length * rowH;
  for (let t = 0; t <= scaleMax + 1e-9; t += step) {
    body.push(`<line x1="${x(t).toFixed(1)}" y1="${top - 6}" x2="${x(t).toFixed(1)}" y2="${plotBottom}" stroke="#e3e3e3"/>`);
    body.push(`<text x="${x(t).toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle" fill="#555">${tickLabel(t, spec.axis)}</text>`);
  }
  spec.bars.forEach((b, i) => {
    const y = top + i * rowH;
    const w = Math.max(0, x(b.value) - left);
    body.push(`<g><title>${xml(`${b.label}: ${b.shown}`)}</title>`);
    body.push(`<text x="${left - 8}" y="${y + 15}" text-anchor="end" fill="#222">${xml(clip(b.label))}</text>`);
    body.push(`<rect x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${BAR_COLOUR}"/>`);
    body.push(`<text x="${(left + w + 6).toFixed(1)}" y="${y + 15}" fill="#222">${xml(b.shown)}</text></g>`);
  });
  body.push(`<line x1="${left}" y1="${top - 6}" x2="${left}" y2="${plotBottom}" stroke="#888"/>`);
  if (spec.bars.length === 0) body.push(`<text x="${left + 8}" y="${top + 15}" fill="#777">no decisions match</text>`);
  return frame(width, height, spec, body);
}

/**
 * Vertical columns, one per amount band, for the histogram of payment amounts.
 * @example histogramSvg({ title: 'Payments by amount', bars: bands.map(...), source: '...' })
 */
export function histogramSvg(spec: ChartSpec): string {
  const width = 960;
  const left = 64;
  const top = 70;
  const plotH = 320;
  const plotW = width - left - 24;
  const colW = plotW / Math.max(1, spec.bars.length);
  const height = top + plotH + 80;
  const { top: scaleMax, step } = scale(Math.max(0, ...spec.bars.map((b) => b.value)), spec.axis);
  const y = (v: number): number => top + plotH - (v / scaleMax) * plotH;
  const body: string[] = [];
  for (let t = 0; t <= scaleMax + 1e-9; t += step) {
    body.push(`<line x1="${left}" y1="${y(t).toFixed(1)}" x2="${left + plotW}" y2="${y(t).toFixed(1)}" stroke="#e3e3e3"/>`);
    body.push(`<text x="${left - 8}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" fill="#555">${tickLabel(t, spec.axis)}</text>`);
  }
  spec.bars.forEach((b, i) => {
    const x = left + i * colW;
    const h = top + plotH - y(b.value);
    body.push(`<g><title>${xml(`${b.label}: ${b.shown}`)}</title>`);
    body.push(`<rect x="${(x + 4).toFixed(1)}" y="${y(b.value).toFixed(1)}" width="${(colW - 8).toFixed(1)}" height="${h.toFixed(1)}" fill="${BAR_COLOUR}"/>`);
    body.push(`<text x="${(x + colW / 2).toFixed(1)}" y="${(y(b.value) - 6).toFixed(1)}" text-anchor="middle" fill="#222">${xml(b.shown)}</text>`);
    body.push(`<text x="${(x + colW / 2).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle" fill="#222">${xml(clip(b.label))}</text></g>`);
  });
  body.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#888"/>`);
  return frame(width, height, spec, body);
}
