/** The reason the last command was refused, in the screen's language; empty otherwise. */
import { refusalKey, useT } from '@queue/ui';
import { OFFLINE } from './use-commands';

export const RefusalLine = ({ code }: { readonly code: string | undefined }) => {
  const t = useT();
  const text =
    code === undefined
      ? ''
      : code === OFFLINE
        ? t('desk.error.offline')
        : t(refusalKey(code, 'error', 'error.generic'));
  return (
    <p className="refusal" role="alert" data-code={code}>
      {text}
    </p>
  );
};
