import { MEASUREMENT_KINDS, type TMeasurementKind } from "@/lib/health-profile/inputs";
import type { THealthProfile } from "@/lib/health-profile/get-health-profile";

const NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const W = 480;
const H = 160;
const PAD = 28;

function day(d: string): string {
  return d.split("-").reverse().join("/");
}

function valueText(m: { value: number; secondValue: number | null; unit: string }): string {
  return `${NUMBER.format(m.value)}${m.secondValue !== null ? `/${NUMBER.format(m.secondValue)}` : ""} ${m.unit}`;
}

/**
 * The measurements of one kind over time: a small SVG line (an image with a title and a
 * description naming the first and last values) and the same values as a table, the text
 * alternative every reader gets.
 */
function KindChart({ kind, points }: { kind: TMeasurementKind; points: THealthProfile["measurements"] }) {
  const k = MEASUREMENT_KINDS[kind];
  const values = points.flatMap((p) => (p.secondValue !== null ? [p.value, p.secondValue] : [p.value]));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (points.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => H - PAD - ((v - min) * (H - 2 * PAD)) / span;
  const line = (pick: (p: (typeof points)[number]) => number | null) =>
    points
      .map((p, i) => [i, pick(p)] as const)
      .filter((e): e is readonly [number, number] => e[1] !== null)
      .map(([i, v]) => `${x(i)},${y(v)}`)
      .join(" ");
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const id = `courbe-${kind.toLowerCase()}`;
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-titre`} aria-describedby={`${id}-desc`} className="h-40 w-full max-w-xl rounded border border-slate-300 bg-white">
        <title id={`${id}-titre`}>{`${k.label} (${k.unit}) dans le temps`}</title>
        <desc id={`${id}-desc`}>
          {points.length === 1
            ? `Une mesure : ${valueText(first)} le ${day(first.measuredOn)}.`
            : `${points.length} mesures, de ${valueText(first)} le ${day(first.measuredOn)} à ${valueText(last)} le ${day(last.measuredOn)}.`}
        </desc>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#475569" />
        <text x={4} y={y(max) + 4} fontSize="11" fill="#1e293b">{NUMBER.format(max)}</text>
        <text x={4} y={y(min) + 4} fontSize="11" fill="#1e293b">{NUMBER.format(min)}</text>
        <polyline points={line((p) => p.value)} fill="none" stroke="#1e40af" strokeWidth={2} />
        {kind === "BLOOD_PRESSURE" ? <polyline points={line((p) => p.secondValue)} fill="none" stroke="#9a3412" strokeWidth={2} strokeDasharray="6 3" /> : null}
        {points.map((p, i) => (
          <circle key={p.id} cx={x(i)} cy={y(p.value)} r={3.5} fill="#1e40af" />
        ))}
      </svg>
      <figcaption className="sr-only">{k.label} : courbe et tableau des valeurs</figcaption>
    </figure>
  );
}

/** Measurements grouped by kind: a chart and its table for each kind entered. */
export function MeasurementCharts({
  measurements,
  renderActions,
}: {
  measurements: THealthProfile["measurements"];
  renderActions?: (m: THealthProfile["measurements"][number]) => React.ReactNode;
}) {
  const kinds = (Object.keys(MEASUREMENT_KINDS) as TMeasurementKind[]).filter((kind) => measurements.some((m) => m.kind === kind));
  if (kinds.length === 0) return <p>Aucune mesure enregistrée.</p>;
  return (
    <div className="flex flex-col gap-6">
      {kinds.map((kind) => {
        const points = measurements.filter((m) => m.kind === kind);
        const k = MEASUREMENT_KINDS[kind];
        return (
          <section key={kind} aria-labelledby={`mesures-${kind.toLowerCase()}`} className="flex flex-col gap-2">
            <h4 id={`mesures-${kind.toLowerCase()}`} className="font-semibold">
              {k.label} ({k.unit})
            </h4>
            <KindChart kind={kind} points={points} />
            <table className="w-full max-w-xl border-collapse text-left">
              <caption className="text-left text-sm text-slate-700">{`${k.label} : valeurs mesurées`}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border-b border-slate-400 py-1 pr-3">Date</th>
                  <th scope="col" className="border-b border-slate-400 py-1 pr-3">Valeur</th>
                  <th scope="col" className="border-b border-slate-400 py-1 pr-3">Saisie par</th>
                  {renderActions ? <th scope="col" className="border-b border-slate-400 py-1">Actions</th> : null}
                </tr>
              </thead>
              <tbody>
                {[...points].reverse().map((m) => (
                  <tr key={m.id}>
                    <td className="border-b border-slate-200 py-1 pr-3">{day(m.measuredOn)}</td>
                    <td className="border-b border-slate-200 py-1 pr-3">{valueText(m)}</td>
                    <td className="border-b border-slate-200 py-1 pr-3">{m.author.name}</td>
                    {renderActions ? <td className="border-b border-slate-200 py-1">{renderActions(m)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
