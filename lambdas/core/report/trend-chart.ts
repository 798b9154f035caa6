import { scaleLinear, scaleTime } from 'd3-scale';
import { line } from 'd3-shape';
import type { TrendPoint } from './report-model.js';

export interface TrendChart {
  readonly width: number;
  readonly height: number;
  /** SVG path data of the unauthenticated-endpoint line, and of all known endpoints. */
  readonly openPath: string;
  readonly knownPath: string;
  readonly points: readonly { readonly x: number; readonly y: number; readonly label: string; readonly complete: boolean }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
}

const WIDTH = 760;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 40 };

/**
 * The open-endpoints-per-run line, computed here (d3-scale for the axes, d3-shape for the path)
 * so the report is static SVG: no script runs when it is opened. Only numbers reach the SVG.
 */
export function trendChart(trend: readonly TrendPoint[]): TrendChart | undefined {
  if (trend.length === 0) return undefined;
  const times = trend.map((p) => new Date(p.at));
  const first = times[0] as Date;
  const last = times[times.length - 1] as Date;
  const x = scaleTime()
    .domain(first.getTime() === last.getTime() ? [new Date(first.getTime() - 3_600_000), new Date(last.getTime() + 3_600_000)] : [first, last])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const top = Math.max(1, ...trend.map((p) => p.endpoints));
  const y = scaleLinear().domain([0, top]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = (value: (p: TrendPoint) => number): string =>
    line<TrendPoint>()
      .x((p) => round(x(new Date(p.at))))
      .y((p) => round(y(value(p))))(trend as TrendPoint[]) ?? '';
  return {
    width: WIDTH,
    height: HEIGHT,
    openPath: path((p) => p.unauthenticated),
    knownPath: path((p) => p.endpoints),
    points: trend.map((p) => ({ x: round(x(new Date(p.at))), y: round(y(p.unauthenticated)), label: `${p.at.slice(0, 16).replace('T', ' ')}: ${p.unauthenticated} open of ${p.endpoints}`, complete: p.complete })),
    yTicks: y.ticks(Math.min(5, top)).map((t) => ({ y: round(y(t)), label: String(t) })),
    xTicks: x.ticks(6).map((t) => ({ x: round(x(t)), label: tickLabel(t, last.getTime() - first.getTime()) })),
  };
}

/** A tick label as precise as the span needs: seconds within an hour, days beyond two. */
function tickLabel(t: Date, spanMs: number): string {
  const iso = t.toISOString();
  if (spanMs < 3_600_000) return iso.slice(11, 19);
  if (spanMs < 2 * 86_400_000) return iso.slice(5, 16).replace('T', ' ');
  return iso.slice(0, 10);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
