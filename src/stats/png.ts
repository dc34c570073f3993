/**
 * @file PNG charts: the SVG of stats/chart.ts rendered by resvg (@resvg/resvg-js, a Rust renderer
 * shipped as prebuilt binaries inside its npm packages), at twice the size for sharp text. Text
 * uses the system's fonts; the chart names common sans-serif families and falls back to any.
 */
import { createRequire } from 'node:module';
import { LgoError } from '../errors.js';

type ResvgModule = typeof import('@resvg/resvg-js');

// Loaded on demand: a native addon that only --chart FILE.png needs.
function loadResvg(): ResvgModule {
  try {
    return createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  } catch (err) {
    throw new LgoError('png-unavailable', `cannot write PNG charts here: the renderer @resvg/resvg-js did not load (${(err as Error).message.split('\n')[0]})`, {
      exitCode: 1,
      hint: 'write the chart as SVG (--chart FILE.svg), which any browser opens',
      cause: err,
    });
  }
}

/** Renders an SVG document to PNG bytes at `scale` times its size. */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const { Resvg } = loadResvg();
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, sansSerifFamily: 'DejaVu Sans', defaultFontFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
}
