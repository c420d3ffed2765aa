/** The calls before the newest, newest first: number and desk. */
import type { CallView } from '@queue/protocol';
import { useT } from '@queue/ui';
import { useDeskName } from './use-desk-name';

export const CallList = ({ calls }: { readonly calls: readonly CallView[] }) => {
  const t = useT();
  const deskName = useDeskName();
  return (
    <section className="previous" data-testid="previous-calls">
      <h2 className="previous__heading">{t('display.previous')}</h2>
      <table className="previous__table">
        <thead>
          <tr>
            <th scope="col">{t('display.ticket')}</th>
            <th scope="col">{t('display.desk')}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <tr key={call.seq} className={call.kind === 'recall' ? 'previous__row--recall' : undefined}>
              <td className="previous__number">{call.number}</td>
              <td className="previous__desk">{deskName(call.deskId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
