// The heat map's colour for a share of max (0–1): red at 0, amber at 50%, green at 100%, the same three
// points the province workbook's gradient conditional format uses (HEAT_POINTS), interpolated linearly.

export const HEAT_POINTS: { share: number; color: string }[] = [
  { share: 0, color: '#e67c73' },
  { share: 0.5, color: '#ffd666' },
  { share: 1, color: '#57bb8a' },
];

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

export function heatColor(share: number): string {
  const s = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
  const hi = HEAT_POINTS.findIndex((p) => p.share >= s);
  const b = HEAT_POINTS[Math.max(hi, 1)];
  const a = HEAT_POINTS[Math.max(hi, 1) - 1];
  const t = (s - a.share) / (b.share - a.share);
  const [ca, cb] = [rgb(a.color), rgb(b.color)];
  return `#${ca
    .map((x, i) =>
      Math.round(x + (cb[i] - x) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
