/**
 * A priority claim. One made at the kiosk waits for the operator to see the document:
 * it is shown large, with Confirm and Reject, until reviewed.
 */
import type { PriorityClaim as Claim } from '@queue/core';
import { useT } from '@queue/ui';

interface Props {
  readonly claim: Claim;
  readonly canReview: boolean;
  readonly onReview: (confirmed: boolean) => void;
}

export const PriorityClaim = ({ claim, canReview, onReview }: Props) => {
  const t = useT();
  const category = t(`priority.category.${claim.category}`);
  const reviewed = claim.confirmed || claim.rejected === true;
  if (reviewed) {
    return (
      <p className={`claim claim--${claim.rejected ? 'rejected' : 'confirmed'}`} data-testid="priority-claim">
        {t(claim.rejected ? 'desk.priority.rejected' : 'desk.priority.confirmed', { category })}
        {claim.reason ? ` — ${claim.reason}` : ''}
      </p>
    );
  }
  return (
    <div
      className="claim claim--pending"
      role="group"
      aria-label={t('desk.priority.heading')}
      data-testid="priority-claim"
    >
      <p className="claim__text">
        <strong>{t('desk.priority.claim', { category })}</strong>
        <span>{t('desk.priority.check')}</span>
      </p>
      <div className="claim__buttons">
        <button
          type="button"
          className="button button--go"
          disabled={!canReview}
          onClick={() => onReview(true)}
        >
          {t('desk.priority.confirm')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={!canReview}
          onClick={() => onReview(false)}
        >
          {t('desk.priority.reject')}
        </button>
      </div>
    </div>
  );
};
