/** Where people would rather look than read: arrivals by hour and weekday, and how long people waited. */
import type { Centre } from '@queue/core';
import type { ReportView } from '@queue/protocol';
import { useT } from '@queue/ui';
import { BarChart } from './BarChart';
import { hourLabel, hourSpan } from './chart-axis';
import { WEEKDAY_KEYS } from './weekdays';

interface Props {
  readonly report: ReportView;
  readonly centre: Centre;
}

export const ReportCharts = ({ report, centre }: Props) => {
  const t = useT();
  // The centre's opening hours (and any hour somebody came outside them), busy or not.
  const span = hourSpan(report.arrivalsByHour, centre.site.hours);
  const hours = Array.from({ length: span.to - span.from }, (_, index) => span.from + index);
  const buckets = report.waitDistribution;
  // Short under the bars ("≤5", ">60"), in words in the table ("понад 60").
  const over = (index: number): number => buckets[index - 1]?.upToMinutes ?? 0;
  const bucketLabels = buckets.map((bucket, index) =>
    bucket.upToMinutes === null ? `>${over(index)}` : `≤${bucket.upToMinutes}`,
  );
  const bucketNames = buckets.map((bucket, index) =>
    bucket.upToMinutes === null
      ? t('reports.chart.over', { minutes: over(index) })
      : `≤${bucket.upToMinutes}`,
  );
  const count = t('reports.chart.count');
  return (
    <div className="report-charts">
      <BarChart
        testId="chart-hour"
        title={t('reports.chart.hour')}
        labels={hours.map(hourLabel)}
        edges={[...hours, span.to].map(hourLabel)}
        names={hours.map((hour) =>
          t('reports.chart.hourRange', { from: hourLabel(hour), to: hourLabel(hour + 1) }),
        )}
        values={hours.map((hour) => report.arrivalsByHour[hour] ?? 0)}
        nameHeading={t('reports.chart.hourCol')}
        valueHeading={count}
        empty={t('reports.chart.empty')}
      />
      <BarChart
        testId="chart-weekday"
        title={t('reports.chart.weekday')}
        labels={WEEKDAY_KEYS.map((key) => t(key))}
        values={report.arrivalsByWeekday}
        nameHeading={t('reports.chart.weekdayCol')}
        valueHeading={count}
        empty={t('reports.chart.empty')}
      />
      <BarChart
        testId="chart-wait"
        title={t('reports.chart.wait')}
        labels={bucketLabels}
        names={bucketNames}
        values={buckets.map((bucket) => bucket.count)}
        nameHeading={t('reports.chart.waitCol')}
        valueHeading={count}
        empty={t('reports.chart.emptyWait')}
      />
    </div>
  );
};
