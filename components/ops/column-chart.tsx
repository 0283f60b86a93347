/** A column per time bucket, drawn as SVG, with the numbers behind it one click away. */
export type Column = { key: string; label: string; value: number | null; display: string; bad?: boolean };

const WIDTH = 720;
const HEIGHT = 160;
const AXIS = 20;

export function ColumnChart({ title, columns, max, target, summary }: { title: string; columns: Column[]; max?: number; target?: number; summary: string }) {
  const top = Math.max(max ?? 0, target ?? 0, ...columns.map((column) => column.value ?? 0), Number.EPSILON);
  const slot = WIDTH / Math.max(1, columns.length);
  const y = (value: number) => HEIGHT - AXIS - (value / top) * (HEIGHT - AXIS - 8);
  // Label about eight buckets along the axis, however many there are.
  const every = Math.max(1, Math.ceil(columns.length / 8));
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${summary}`} className="h-40 w-full rounded-lg border border-slate-200 bg-white">
        {columns.map((column, index) =>
          column.value === null ? null : (
            <rect
              key={column.key}
              x={index * slot + slot * 0.15}
              width={slot * 0.7}
              y={y(column.value)}
              height={Math.max(0, HEIGHT - AXIS - y(column.value))}
              className={column.bad ? "fill-red-500" : "fill-brand-600"}
            >
              <title>{`${column.label}: ${column.display}`}</title>
            </rect>
          ),
        )}
        {target !== undefined ? <line x1={0} x2={WIDTH} y1={y(target)} y2={y(target)} className="stroke-slate-800" strokeDasharray="6 4" /> : null}
        <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} className="stroke-slate-300" />
        {columns.map((column, index) =>
          index % every === 0 ? (
            <text key={column.key} x={index * slot + slot / 2} y={HEIGHT - 5} textAnchor="middle" className="fill-slate-600 text-[11px]">
              {column.label}
            </text>
          ) : null,
        )}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">Show the numbers</summary>
        <table className="mt-1 text-left">
          <tbody>
            {columns.map((column) => (
              <tr key={column.key}>
                <th scope="row" className="pr-4 font-normal text-slate-600">
                  {column.label}
                </th>
                <td className="tabular-nums">{column.display}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
