/**
 * A service's outcomes as a list: each a code and a name in Ukrainian, Russian and English,
 * added, removed and moved up or down (the desk lists them in this order). What would be
 * refused is told per outcome and keeps Save off until fixed.
 */
import type { Outcome } from '@queue/core';
import { LANGUAGES } from '@queue/core';
import { useT } from '@queue/ui';
import './list-editor.css';
import { useEffect, useMemo, useRef } from 'react';
import { editList, type ListEdit } from './list-edit';
import { ListRowButtons, useFocusAfterMove } from './ListRowButtons';
import { MAX_OUTCOMES, type OutcomeProblem, blankOutcome, outcomeProblems, outcomesOf } from './outcomes';

interface Props {
  readonly value: unknown;
  readonly onChange: (next: readonly Outcome[]) => void;
  readonly onError: (message: string | undefined) => void;
}

export const useOutcomeProblemText = () => {
  const t = useT();
  return (problem: OutcomeProblem): string => {
    const n = problem.index + 1;
    switch (problem.kind) {
      case 'emptyCode':
        return t('admin.outcomes.emptyCode', { n });
      case 'badCode':
        return t('admin.outcomes.badCode', { n, code: problem.code });
      case 'duplicate':
        return t('admin.outcomes.duplicate', { n, code: problem.code, first: problem.first + 1 });
      case 'emptyName':
        return t(`admin.outcomes.emptyName.${problem.language}`, { n });
    }
  };
};

export const OutcomesEditor = ({ value, onChange, onError }: Props) => {
  const t = useT();
  const describe = useOutcomeProblemText();
  const outcomes = useMemo(() => outcomesOf(value), [value]);
  const problems = useMemo(() => outcomeProblems(outcomes), [outcomes]);
  const list = useRef<HTMLOListElement>(null);
  const focusAfterMove = useFocusAfterMove(list);
  const addButton = useRef<HTMLButtonElement>(null);
  const summary = problems.map(describe).join(' ');

  useEffect(() => {
    onError(summary === '' ? undefined : summary);
    // `onError` is a new function each render; only the text matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary]);
  useEffect(() => () => onError(undefined), []); // eslint-disable-line react-hooks/exhaustive-deps

  const edit = (change: ListEdit<Outcome>): void => onChange(editList(outcomes, change));
  const set = (index: number, outcome: Outcome): void => edit({ kind: 'replace', index, item: outcome });

  return (
    <div className="list-editor" data-testid="outcomes-editor">
      <p className="dialog__hint">{t('admin.outcomes.hint')}</p>
      {outcomes.length === 0 ? (
        <p className="monitor__quiet" data-testid="outcomes-none">
          {t('admin.outcomes.none')}
        </p>
      ) : (
        <ol className="list-editor__list" ref={list}>
          {outcomes.map((outcome, index) => {
            const name = t('admin.outcomes.item', { n: index + 1 });
            const mine = problems.filter((problem) => problem.index === index);
            const codeWrong = mine.some((problem) => problem.kind !== 'emptyName');
            const errorId = `outcome-${index}-error`;
            return (
              <li key={index} className="list-row" data-row={index} data-code={outcome.code}>
                <fieldset className="list-row__fields list-row__fields--outcome">
                  <legend className="list-row__legend">{name}</legend>
                  <label className="list-row__field">
                    <span>{t('admin.field.code')}</span>
                    <input
                      type="text"
                      name={`outcome-${index}-code`}
                      value={outcome.code}
                      aria-invalid={codeWrong}
                      {...(mine.length > 0 ? { 'aria-describedby': errorId } : {})}
                      onChange={(event) => set(index, { ...outcome, code: event.target.value })}
                    />
                  </label>
                  {LANGUAGES.map((language) => (
                    <label key={language} className="list-row__field">
                      <span>{t(`admin.outcomes.name.${language}`)}</span>
                      <input
                        type="text"
                        name={`outcome-${index}-name-${language}`}
                        value={outcome.name[language]}
                        aria-invalid={mine.some(
                          (problem) => problem.kind === 'emptyName' && problem.language === language,
                        )}
                        onChange={(event) =>
                          set(index, {
                            ...outcome,
                            name: { ...outcome.name, [language]: event.target.value },
                          })
                        }
                      />
                    </label>
                  ))}
                  <ListRowButtons
                    index={index}
                    count={outcomes.length}
                    name={name}
                    onMove={(by) => {
                      focusAfterMove({ index: index + by, by });
                      edit({ kind: 'move', index, by });
                    }}
                    onRemove={() => {
                      edit({ kind: 'remove', index });
                      addButton.current?.focus();
                    }}
                  />
                </fieldset>
                {mine.length > 0 && (
                  <p className="form__error list-row__error" id={errorId} data-testid="outcome-problem">
                    {mine.map(describe).join(' ')}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        className="button button--small"
        data-action="add-outcome"
        ref={addButton}
        disabled={outcomes.length >= MAX_OUTCOMES}
        onClick={() => {
          edit({ kind: 'add', item: blankOutcome() });
          // The new outcome's code is what the administrator types next.
          window.requestAnimationFrame(() =>
            list.current?.querySelector<HTMLInputElement>(`[data-row="${outcomes.length}"] input`)?.focus(),
          );
        }}
      >
        {t('admin.outcomes.add')}
      </button>
    </div>
  );
};
