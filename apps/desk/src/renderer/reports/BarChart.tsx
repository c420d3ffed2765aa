/** A plain bar chart in inline SVG: one labelled bar per value, scaled to the largest. */
interface Props {
  readonly title: string;
  readonly labels: readonly string[];
  readonly values: readonly number[];
  readonly testId: string;
}

const WIDTH = 360;
const HEIGHT = 140;
const LABEL_SPACE = 18;

export const BarChart = ({ title, labels, values, testId }: Props) => {
  const max = Math.max(1, ...values);
  const slot = WIDTH / Math.max(1, values.length);
  const barWidth = Math.max(2, slot * 0.7);
  const usable = HEIGHT - LABEL_SPACE - 12;
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        {values.map((value, index) => {
          const height = (value / max) * usable;
          const x = index * slot + (slot - barWidth) / 2;
          const y = HEIGHT - LABEL_SPACE - height;
          return (
            <g key={labels[index] ?? index} data-value={value}>
              <title>{`${labels[index] ?? ''}: ${value}`}</title>
              <rect x={x} y={y} width={barWidth} height={height} className="report-chart__bar" />
              {value > 0 && (
                <text x={x + barWidth / 2} y={y - 2} textAnchor="middle" className="report-chart__value">
                  {value}
                </text>
              )}
              <text x={x + barWidth / 2} y={HEIGHT - 5} textAnchor="middle" className="report-chart__label">
                {labels[index]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
};
