/**
 * The printed ticket's layout without JSON: the standard layout, or the centre's own — its
 * parts in print order (added, removed, moved up or down), header and footer lines in three
 * languages, the number's size and the QR dot size.
 */
import type { LocalizedText } from '@queue/core';
import { LANGUAGES } from '@queue/core';
import { useT } from '@queue/ui';
import './list-editor.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { editList } from './list-edit';
import { ListRowButtons, useFocusAfterMove } from './ListRowButtons';
import {
  DEFAULT_TEMPLATE_DRAFT,
  type TemplateBlock,
  type TemplateDraft,
  addableBlocks,
  templateDraftOf,
  templateProblems,
} from './template-draft';

interface Props {
  readonly value: unknown;
  readonly onChange: (next: TemplateDraft | undefined) => void;
  readonly onError: (message: string | undefined) => void;
}

const EMPTY: LocalizedText = { uk: '', ru: '', en: '' };

const LinesEditor = ({
  kind,
  lines,
  onChange,
}: {
  kind: 'header' | 'footer';
  lines: readonly LocalizedText[];
  onChange: (next: readonly LocalizedText[]) => void;
}) => {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const focusAfterMove = useFocusAfterMove(list);
  return (
    <div className="list-editor" data-testid={`template-${kind}-lines`}>
      <span className="list-editor__heading">{t(`admin.template.${kind}Lines`)}</span>
      {lines.length > 0 && (
        <ol className="list-editor__list" ref={list}>
          {lines.map((line, index) => {
            const name = t(`admin.template.${kind}Line`, { n: index + 1 });
            return (
              <li key={index} className="list-row" data-row={index}>
                <fieldset className="list-row__fields list-row__fields--line">
                  <legend className="list-row__legend">{name}</legend>
                  {LANGUAGES.map((language) => (
                    <label key={language} className="list-row__field">
                      <span>{t(`admin.outcomes.name.${language}`)}</span>
                      <input
                        type="text"
                        name={`${kind}-${index}-${language}`}
                        value={line[language]}
                        onChange={(event) =>
                          onChange(
                            editList(lines, {
                              kind: 'replace',
                              index,
                              item: { ...line, [language]: event.target.value },
                            }),
                          )
                        }
                      />
                    </label>
                  ))}
                  <ListRowButtons
                    index={index}
                    count={lines.length}
                    name={name}
                    onMove={(by) => {
                      focusAfterMove({ index: index + by, by });
                      onChange(editList(lines, { kind: 'move', index, by }));
                    }}
                    onRemove={() => onChange(editList(lines, { kind: 'remove', index }))}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        className="button button--small"
        data-action={`add-${kind}-line`}
        onClick={() => onChange(editList(lines, { kind: 'add', item: EMPTY }))}
      >
        {t('admin.template.addLine')}
      </button>
    </div>
  );
};

const BlocksEditor = ({
  blocks,
  onChange,
}: {
  blocks: readonly TemplateBlock[];
  onChange: (next: readonly TemplateBlock[]) => void;
}) => {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const focusAfterMove = useFocusAfterMove(list);
  const addable = addableBlocks(blocks);
  const [toAdd, setToAdd] = useState<TemplateBlock>();
  const chosen = toAdd && addable.includes(toAdd) ? toAdd : addable[0];
  return (
    <div className="list-editor" data-testid="template-blocks">
      <span className="list-editor__heading" id="template-blocks-heading">
        {t('admin.template.blocks')}
      </span>
      <ol
        className="list-editor__list list-editor__list--blocks"
        ref={list}
        aria-labelledby="template-blocks-heading"
      >
        {blocks.map((block, index) => {
          const name = `${index + 1}. ${t(`admin.template.block.${block}`)}`;
          return (
            <li key={index} className="list-row list-row--block" data-row={index} data-block={block}>
              <span className="list-row__name">{name}</span>
              <ListRowButtons
                index={index}
                count={blocks.length}
                name={name}
                onMove={(by) => {
                  focusAfterMove({ index: index + by, by });
                  onChange(editList(blocks, { kind: 'move', index, by }));
                }}
                onRemove={() => onChange(editList(blocks, { kind: 'remove', index }))}
              />
            </li>
          );
        })}
      </ol>
      {chosen && (
        <div className="form__chips">
          <label className="list-row__field list-row__field--inline">
            <span>{t('admin.template.addBlock')}</span>
            <select
              name="template-add-block"
              value={chosen}
              onChange={(event) => setToAdd(event.target.value as TemplateBlock)}
            >
              {addable.map((block) => (
                <option key={block} value={block}>
                  {t(`admin.template.block.${block}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small"
            data-action="add-block"
            onClick={() => onChange(editList(blocks, { kind: 'add', item: chosen }))}
          >
            {t('admin.template.add')}
          </button>
        </div>
      )}
    </div>
  );
};

const numberOrUndefined = (text: string): number | undefined => (text === '' ? undefined : Number(text));

export const TemplateEditor = ({ value, onChange, onError }: Props) => {
  const t = useT();
  const own = value !== undefined;
  const draft = useMemo(() => templateDraftOf(value), [value]);
  const problems = own ? templateProblems(draft) : [];
  const summary = problems.map((problem) => t(`admin.template.problem.${problem}`)).join(' ');
  useEffect(() => {
    onError(summary === '' ? undefined : summary);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary]);
  useEffect(() => () => onError(undefined), []); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (patch: Partial<TemplateDraft>): void => {
    const next: Record<string, unknown> = { ...draft, ...patch };
    if (next.qrModuleSize === undefined) delete next.qrModuleSize;
    onChange(next as unknown as TemplateDraft);
  };

  return (
    <div className="template-editor" data-testid="template-editor">
      <label className="form__check">
        <input
          type="checkbox"
          name="template-standard"
          checked={!own}
          onChange={(event) => onChange(event.target.checked ? undefined : DEFAULT_TEMPLATE_DRAFT)}
        />
        {t('admin.template.standard')}
      </label>
      {!own ? (
        <p className="monitor__quiet">{t('admin.template.standardHint')}</p>
      ) : (
        <>
          <BlocksEditor blocks={draft.blocks} onChange={(blocks) => set({ blocks })} />
          <LinesEditor
            kind="header"
            lines={draft.headerLines}
            onChange={(headerLines) => set({ headerLines })}
          />
          <LinesEditor
            kind="footer"
            lines={draft.footerLines}
            onChange={(footerLines) => set({ footerLines })}
          />
          <div className="list-row__fields">
            <label className="list-row__field">
              <span>{t('admin.template.numberScale')}</span>
              <input
                type="number"
                name="template-number-scale"
                min={1}
                max={8}
                value={draft.numberScale}
                onChange={(event) => set({ numberScale: Number(event.target.value) })}
              />
            </label>
            <label className="list-row__field">
              <span>{t('admin.template.qrModuleSize')}</span>
              <input
                type="number"
                name="template-qr-size"
                min={1}
                max={16}
                value={draft.qrModuleSize ?? ''}
                onChange={(event) => {
                  const qrModuleSize = numberOrUndefined(event.target.value);
                  set(qrModuleSize === undefined ? { qrModuleSize: undefined } : { qrModuleSize });
                }}
              />
            </label>
          </div>
          {problems.length > 0 && (
            <p className="form__error" data-testid="template-problem">
              {summary}
            </p>
          )}
        </>
      )}
    </div>
  );
};
