/**
 * A plain bar chart in inline SVG: a value axis with round ticks and grid lines, one bar per
 * value with its figure above it, and the bars' names below (or, for a span of the clock,
 * the hours at the bars' edges). The picture is for the eye; the same figures are in a table
 * for screen readers, and the figure is named by its caption. With nothing to draw it says so
 * in words instead of showing an empty frame.
 */
import { useId } from 'react';
import { valueTicks } from './chart-axis';

interface Props {
  readonly title: string;
  /** Under each bar; ignored for the picture when `edges` are given. */
  readonly labels: readonly string[];
  readonly values: readonly number[];
  readonly testId: string;
  /** Labels at the bars' edges, one more than the bars (hours: 08, 09 … 21). */
  readonly edges?: readonly string[];
  /** Each bar's name in the table (the labels when absent). */
  readonly names?: readonly string[];
  /** The table's column headings: what the bars are, and what the values count. */
  readonly nameHeading: string;
  readonly valueHeading: string;
  /** Said instead of the picture when every value is zero. */
  readonly empty: string;
}

const WIDTH = 420;
const HEIGHT = 200;
const LEFT = 30;
const RIGHT = 8;
const TOP = 16;
const BOTTOM = 22;

export const BarChart = (props: Props) => {
  const { title, labels, values, testId, edges, names, nameHeading, valueHeading, empty } = props;
  const captionId = useId();
  const hasData = values.some((value) => value > 0);
  const ticks = valueTicks(Math.max(0, ...values));
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, values.length);
  const barWidth = Math.max(2, slot * 0.7);
  const yOf = (value: number): number => TOP + plotHeight - (value / top) * plotHeight;
  const base = yOf(0);
  return (
    <figure
      className="report-chart"
      data-testid={testId}
      data-empty={hasData ? undefined : ''}
      aria-labelledby={captionId}
    >
      <figcaption id={captionId}>{title}</figcaption>
      {hasData ? (
        <>
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
            {ticks.map((tick) => (
              <line
                key={`grid-${tick}`}
                className={tick === 0 ? 'report-chart__axis' : 'report-chart__grid'}
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={yOf(tick)}
                y2={yOf(tick)}
              />
            ))}
            {ticks.map((tick) => (
              <text
                key={`tick-${tick}`}
                className="report-chart__tick"
                data-tick={tick}
                x={LEFT - 4}
                y={yOf(tick) + 4}
                textAnchor="end"
              >
                {tick}
              </text>
            ))}
            <line className="report-chart__axis" x1={LEFT} x2={LEFT} y1={TOP} y2={base} />
            {values.map((value, index) => {
              const height = base - yOf(value);
              const x = LEFT + index * slot + (slot - barWidth) / 2;
              return (
                <g key={names?.[index] ?? labels[index] ?? index} data-value={value}>
                  <rect
                    x={x}
                    y={base - height}
                    width={barWidth}
                    height={height}
                    className="report-chart__bar"
                  />
                  {value > 0 && (
                    <text
                      x={x + barWidth / 2}
                      y={base - height - 3}
                      textAnchor="middle"
                      className="report-chart__value"
                    >
                      {value}
                    </text>
                  )}
                  {!edges && (
                    <text
                      x={x + barWidth / 2}
                      y={HEIGHT - 6}
                      textAnchor="middle"
                      className="report-chart__label"
                    >
                      {labels[index]}
                    </text>
                  )}
                </g>
              );
            })}
            {edges?.map((edge, index) => (
              <text
                key={`edge-${edge}`}
                className="report-chart__label"
                data-edge={edge}
                x={LEFT + index * slot}
                y={HEIGHT - 6}
                textAnchor="middle"
              >
                {edge}
              </text>
            ))}
          </svg>
          <table className="visually-hidden">
            <thead>
              <tr>
                <th scope="col">{nameHeading}</th>
                <th scope="col">{valueHeading}</th>
              </tr>
            </thead>
            <tbody>
              {values.map((value, index) => (
                <tr key={names?.[index] ?? labels[index] ?? index}>
                  <th scope="row">{names?.[index] ?? labels[index]}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="report-chart__empty">{empty}</p>
      )}
    </figure>
  );
};
