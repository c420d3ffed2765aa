/** Why an appeal step was refused, in words: the journal's own texts, else the desk's general ones. */
import { isMessageKey, useT } from '@queue/ui';
import { RefusalLine } from '../common/RefusalLine';
import { appealErrorKeyOf } from './journal';

export const AppealRefusal = ({ code }: { readonly code: string | undefined }) => {
  const t = useT();
  if (code === undefined) return <RefusalLine code={undefined} />;
  const key = appealErrorKeyOf(code);
  if (!isMessageKey(key)) return <RefusalLine code={code} />;
  return (
    <p className="refusal" role="alert" data-code={code} data-testid="appeal-refusal">
      {t(key)}
    </p>
  );
};
