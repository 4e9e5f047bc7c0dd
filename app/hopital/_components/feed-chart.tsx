import type { TFeedMonth } from "@/lib/feed/feed-report";

const SERIES = [
  { key: "sent", label: "Fichiers envoyés", color: "#1e3a8a", pattern: "" },
  { key: "fedOk", label: "Alimentation OK", color: "#166534", pattern: "" },
  { key: "certificationKo", label: "Certification KO", color: "#b91c1c", pattern: "" },
  { key: "recordNotFound", label: "DMP non trouvé", color: "#92400e", pattern: "" },
] as const;

/**
 * Grouped bars per month as inline SVG. The chart is decorative for screen readers
 * (role img with a summary); the table next to it carries every figure.
 */
export function FeedChart({ months, title }: { months: TFeedMonth[]; title: string }) {
  const max = Math.max(1, ...months.map((m) => m.sent));
  const groupWidth = 56;
  const barWidth = 11;
  const height = 200;
  const width = Math.max(320, months.length * groupWidth + 48);
  const total = months.reduce((n, m) => n + m.sent, 0);
  const fed = months.reduce((n, m) => n + m.fedOk, 0);
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-semibold">{title}</figcaption>
      {/* Wider than a phone: a scrolling region keyboard users can reach too (as components/ui/table.tsx). */}
      <div role="region" aria-label={title} tabIndex={0} className="overflow-x-auto">
        <svg role="img" aria-label={`${title} : ${total} fichiers envoyés dont ${fed} intégrés au DMP sur la période ; détail dans le tableau.`} width={width} height={height + 40} viewBox={`0 0 ${width} ${height + 40}`}>
          <line x1={40} y1={height} x2={width} y2={height} stroke="#334155" />
          <text x={36} y={12} textAnchor="end" fontSize="11" fill="#334155">
            {max}
          </text>
          <text x={36} y={height} textAnchor="end" fontSize="11" fill="#334155">
            0
          </text>
          {months.map((m, i) => (
            <g key={m.month} transform={`translate(${48 + i * groupWidth},0)`}>
              {SERIES.map((s, j) => {
                const h = Math.round((m[s.key] / max) * (height - 16));
                return <rect key={s.key} x={j * barWidth} y={height - h} width={barWidth - 2} height={h} fill={s.color} />;
              })}
              <text x={(SERIES.length * barWidth) / 2} y={height + 16} textAnchor="middle" fontSize="11" fill="#334155">
                {m.month.slice(5)}/{m.month.slice(2, 4)}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <ul className="flex flex-wrap gap-4 text-sm" aria-label="Légende du graphique">
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block size-3" style={{ backgroundColor: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
