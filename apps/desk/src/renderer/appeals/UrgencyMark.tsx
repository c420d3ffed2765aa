/** An appeal's urgency in words and a sign, not by colour alone: "⚠ Overdue", "◷ Due soon". */
import type { AppealUrgency } from '@queue/core';
import { useT } from '@queue/ui';

const SIGNS = { overdue: '⚠', 'due-soon': '◷' } as const;

export const UrgencyMark = ({ urgency }: { readonly urgency: AppealUrgency }) => {
  const t = useT();
  if (urgency !== 'overdue' && urgency !== 'due-soon') return null;
  return (
    <span className={`urgency urgency--${urgency}`} data-testid="urgency">
      <span aria-hidden="true">{SIGNS[urgency]}</span> {t(`appeals.urgency.${urgency}`)}
    </span>
  );
};
