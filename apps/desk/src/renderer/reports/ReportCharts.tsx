/** Where people would rather look than read: arrivals by hour and weekday, and how long people waited. */
import type { ReportView } from '@queue/protocol';
import { useT } from '@queue/ui';
import { BarChart } from './BarChart';
import { WEEKDAY_KEYS } from './weekdays';

export const ReportCharts = ({ report }: { readonly report: ReportView }) => {
  const t = useT();
  // Only the hours when anybody came, so that a day's chart is not mostly empty night.
  const hours = report.arrivalsByHour
    .map((count, hour) => ({ hour, count }))
    .filter((entry, _index, all) => {
      const busy = all.filter((item) => item.count > 0).map((item) => item.hour);
      return busy.length === 0 || (entry.hour >= Math.min(...busy) && entry.hour <= Math.max(...busy));
    });
  const buckets = report.waitDistribution;
  return (
    <div className="report-charts">
      <BarChart
        testId="chart-hour"
        title={t('reports.chart.hour')}
        labels={hours.map((entry) => String(entry.hour).padStart(2, '0'))}
        values={hours.map((entry) => entry.count)}
      />
      <BarChart
        testId="chart-weekday"
        title={t('reports.chart.weekday')}
        labels={WEEKDAY_KEYS.map((key) => t(key))}
        values={report.arrivalsByWeekday}
      />
      <BarChart
        testId="chart-wait"
        title={t('reports.chart.wait')}
        labels={buckets.map((bucket, index) =>
          bucket.upToMinutes === null
            ? t('reports.chart.over', { minutes: buckets[index - 1]?.upToMinutes ?? 0 })
            : `≤${bucket.upToMinutes}`,
        )}
        values={buckets.map((bucket) => bucket.count)}
      />
    </div>
  );
};
