/**
 * The shape of every editor: a list of entries on the left (with "Add"), the chosen entry's
 * form on the right with Save and Delete. A single-entry section (opening hours, queue
 * rules, template) is the form alone.
 */
import { useT } from '@queue/ui';
import { type ReactNode, useState } from 'react';
import { type Draft, type Field, FormFields } from './fields';

interface EntryFormProps {
  readonly fields: readonly Field[];
  readonly initial: Draft;
  readonly saved: boolean;
  readonly busy: boolean;
  /** Resolves to whether the save was accepted. */
  readonly onSave: (draft: Draft) => Promise<boolean>;
  readonly onDelete?: () => void;
  readonly extra?: ReactNode;
}

/** One entry's form; give it a `key` so that choosing another entry starts afresh. */
export const EntryForm = ({ fields, initial, saved, busy, onSave, onDelete, extra }: EntryFormProps) => {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [notice, setNotice] = useState(false);
  const blocked = Object.keys(errors).length > 0;

  const save = async (): Promise<void> => {
    setNotice(false);
    setNotice(await onSave(draft));
  };

  return (
    <form
      className="form"
      data-testid="entry-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!blocked && !busy) void save();
      }}
    >
      <FormFields
        fields={fields}
        draft={draft}
        saved={saved}
        onChange={(next) => {
          setNotice(false);
          setDraft(next);
        }}
        onError={(key, message) =>
          setErrors((current) => {
            const next = { ...current };
            if (message) next[key] = message;
            else delete next[key];
            return next;
          })
        }
      />
      {extra}
      <div className="form__buttons">
        <button
          type="submit"
          className="button button--primary"
          data-testid="entry-save"
          disabled={blocked || busy}
        >
          {t('admin.save')}
        </button>
        {onDelete && saved && (
          <button
            type="button"
            className="button button--danger"
            data-testid="entry-delete"
            disabled={busy}
            onClick={onDelete}
          >
            {t('admin.delete')}
          </button>
        )}
        {notice && (
          <p className="notice" role="status" data-testid="entry-saved">
            {t('admin.saved')}
          </p>
        )}
      </div>
    </form>
  );
};

interface EntityEditorProps {
  readonly items: readonly Draft[];
  readonly idOf: (item: Draft) => string;
  readonly titleOf: (item: Draft) => string;
  readonly fields: readonly Field[];
  readonly blank: () => Draft;
  readonly busy: boolean;
  /** `originalId`: the entry being edited, undefined for a new one. */
  readonly onSave: (item: Draft, originalId: string | undefined) => Promise<boolean>;
  readonly onDelete?: (id: string) => Promise<boolean>;
  readonly extra?: (item: Draft) => ReactNode;
}

const NEW = '\u0000new';

export const EntityEditor = (props: EntityEditorProps) => {
  const t = useT();
  const { items, idOf, titleOf } = props;
  const [chosen, setChosen] = useState<string>();
  // The form starts afresh when the administrator picks an entry, not when a new one is saved.
  const [formKey, setFormKey] = useState(0);
  const choose = (id: string | undefined): void => {
    setChosen(id);
    setFormKey((key) => key + 1);
  };
  const item = chosen === NEW ? props.blank() : items.find((entry) => idOf(entry) === chosen);

  return (
    <div className="editor">
      <div>
        <button
          type="button"
          className="button button--small"
          data-testid="entry-new"
          onClick={() => choose(NEW)}
        >
          {t('admin.new')}
        </button>
        <ul className="editor__list" data-testid="entry-list">
          {items.map((entry) => (
            <li key={idOf(entry)}>
              <button
                type="button"
                data-entry={idOf(entry)}
                aria-current={chosen === idOf(entry)}
                onClick={() => choose(idOf(entry))}
              >
                {titleOf(entry)}
              </button>
            </li>
          ))}
        </ul>
      </div>
      {item ? (
        <EntryForm
          key={formKey}
          fields={props.fields}
          initial={item}
          saved={chosen !== NEW}
          busy={props.busy}
          onSave={async (draft) => {
            const ok = await props.onSave(draft, chosen === NEW ? undefined : chosen);
            if (ok) setChosen(idOf(draft));
            return ok;
          }}
          {...(props.onDelete && chosen !== undefined && chosen !== NEW
            ? {
                onDelete: () => {
                  void props.onDelete?.(chosen).then((ok) => ok && choose(undefined));
                },
              }
            : {})}
          {...(props.extra && chosen !== NEW ? { extra: props.extra(item) } : {})}
        />
      ) : (
        <p className="monitor__quiet">{t('admin.nothingChosen')}</p>
      )}
    </div>
  );
};
