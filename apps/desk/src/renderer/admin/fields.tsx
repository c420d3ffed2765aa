/**
 * The editors' form: one compact grid of fields described by data (text, names in three
 * languages, numbers, switches, choices, a week's hours, special days, services with
 * weights, outcomes, a printer, the ticket's layout), so that every section looks and behaves
 * the same. No field shows the administrator JSON.
 */
import type { DeskService, LocalizedText, Service, SpecialDay, TimeRange, WeeklyHours } from '@queue/core';
import { LANGUAGES } from '@queue/core';
import { type MessageKey, useT } from '@queue/ui';
import { ServiceWeights } from '../monitor/ServiceWeights';
import { OutcomesEditor } from './OutcomesEditor';
import { PrinterEditor } from './PrinterEditor';
import { TemplateEditor } from './TemplateEditor';

export interface Option {
  readonly value: string;
  readonly label: string;
}

export type Field = { readonly key: string; readonly label: MessageKey; readonly wide?: boolean } & (
  | { readonly kind: 'text'; readonly optional?: boolean; readonly fixedOnceSaved?: boolean }
  | { readonly kind: 'password' }
  | { readonly kind: 'localized'; readonly multiline?: boolean }
  | { readonly kind: 'number'; readonly optional?: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'select'; readonly options: readonly Option[]; readonly optional?: boolean }
  | { readonly kind: 'multi'; readonly options: readonly Option[] }
  | { readonly kind: 'weights'; readonly services: readonly Service[] }
  | { readonly kind: 'week'; readonly optional?: boolean }
  | { readonly kind: 'special-days' }
  | { readonly kind: 'outcomes' }
  | { readonly kind: 'printer' }
  | { readonly kind: 'template' }
);

export type Draft = Readonly<Record<string, unknown>>;

interface FieldProps<F extends Field = Field> {
  readonly field: F;
  readonly value: unknown;
  readonly saved: boolean;
  readonly onChange: (value: unknown) => void;
  /** A field reports what would be refused, in words (undefined: nothing). */
  readonly onError: (message: string | undefined) => void;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const WeekInput = ({
  value,
  onChange,
  optional,
}: {
  value: unknown;
  onChange: (next: unknown) => void;
  optional: boolean;
}) => {
  const t = useT();
  const week = value as WeeklyHours | undefined;
  const setDay = (day: (typeof DAYS)[number], part: keyof TimeRange, text: string): void => {
    const ranges = [...(week?.[day] ?? [])];
    const first = { ...(ranges[0] ?? { from: '', to: '' }), [part]: text };
    const rest = ranges.slice(1);
    const next: Record<string, readonly TimeRange[]> = { ...week };
    if (first.from === '' && first.to === '' && rest.length === 0) delete next[day];
    else next[day] = [first, ...rest];
    onChange(next);
  };
  return (
    <div>
      {optional && (
        <label className="form__check">
          <input
            type="checkbox"
            checked={week !== undefined}
            onChange={(event) => onChange(event.target.checked ? {} : undefined)}
          />
          {t('admin.week.own')}
        </label>
      )}
      {week !== undefined && (
        <div className="form__week">
          {DAYS.map((day) => (
            <DayRow
              key={day}
              day={day}
              range={week[day]?.[0]}
              onChange={(part, text) => setDay(day, part, text)}
            />
          ))}
        </div>
      )}
    </div>
  );
};

const DayRow = ({
  day,
  range,
  onChange,
}: {
  day: (typeof DAYS)[number];
  range: TimeRange | undefined;
  onChange: (part: keyof TimeRange, text: string) => void;
}) => {
  const t = useT();
  return (
    <>
      <span>{t(`admin.week.${day}`)}</span>
      <input
        type="text"
        placeholder={t('admin.week.closed')}
        aria-label={`${t(`admin.week.${day}`)} from`}
        value={range?.from ?? ''}
        onChange={(event) => onChange('from', event.target.value)}
      />
      <input
        type="text"
        placeholder="HH:MM"
        aria-label={`${t(`admin.week.${day}`)} to`}
        value={range?.to ?? ''}
        onChange={(event) => onChange('to', event.target.value)}
      />
    </>
  );
};

const SpecialDaysInput = ({ value, onChange }: { value: unknown; onChange: (next: unknown) => void }) => {
  const t = useT();
  const days = (value as readonly SpecialDay[] | undefined) ?? [];
  const update = (index: number, from: string, to: string, date: string, note: string): void => {
    const hours = from === '' && to === '' ? [] : [{ from, to }];
    const day: SpecialDay = { date, hours, ...(note ? { note } : {}) };
    onChange(days.map((entry, at) => (at === index ? day : entry)));
  };
  return (
    <div className="form__special">
      <p className="dialog__hint">{t('admin.special.hint')}</p>
      {days.map((day, index) => {
        const range = day.hours[0];
        const set = (patch: Partial<{ from: string; to: string; date: string; note: string }>): void =>
          update(
            index,
            patch.from ?? range?.from ?? '',
            patch.to ?? range?.to ?? '',
            patch.date ?? day.date,
            patch.note ?? day.note ?? '',
          );
        return (
          <div key={index} className="form__chips" data-special={index}>
            <input type="date" value={day.date} onChange={(event) => set({ date: event.target.value })} />
            <input
              type="text"
              size={5}
              placeholder="HH:MM"
              value={range?.from ?? ''}
              onChange={(event) => set({ from: event.target.value })}
            />
            <input
              type="text"
              size={5}
              placeholder="HH:MM"
              value={range?.to ?? ''}
              onChange={(event) => set({ to: event.target.value })}
            />
            <input
              type="text"
              value={day.note ?? ''}
              onChange={(event) => set({ note: event.target.value })}
            />
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => onChange(days.filter((_entry, at) => at !== index))}
            >
              {t('admin.delete')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...days, { date: '', hours: [] }])}
      >
        {t('admin.special.add')}
      </button>
    </div>
  );
};

const FieldInput = ({ field, value, saved, onChange, onError }: FieldProps) => {
  const t = useT();
  switch (field.kind) {
    case 'text':
      return (
        <input
          type="text"
          name={field.key}
          value={typeof value === 'string' ? value : ''}
          readOnly={field.fixedOnceSaved && saved}
          onChange={(event) =>
            onChange(field.optional && event.target.value === '' ? undefined : event.target.value)
          }
        />
      );
    case 'password':
      return (
        <input
          type="password"
          name={field.key}
          autoComplete="new-password"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
      );
    case 'localized': {
      const text = (value as LocalizedText | undefined) ?? { uk: '', ru: '', en: '' };
      return (
        <div className="form__localized">
          {LANGUAGES.map((language) => (
            <label key={language} style={{ display: 'contents' }}>
              <span>{t(`admin.lang.${language}`)}</span>
              {field.multiline ? (
                <textarea
                  name={`${field.key}.${language}`}
                  value={text[language]}
                  onChange={(event) => onChange({ ...text, [language]: event.target.value })}
                />
              ) : (
                <input
                  type="text"
                  name={`${field.key}.${language}`}
                  value={text[language]}
                  onChange={(event) => onChange({ ...text, [language]: event.target.value })}
                />
              )}
            </label>
          ))}
        </div>
      );
    }
    case 'number':
      return (
        <input
          type="number"
          name={field.key}
          step="any"
          value={typeof value === 'number' ? value : ''}
          onChange={(event) =>
            onChange(
              event.target.value === '' ? (field.optional ? undefined : 0) : Number(event.target.value),
            )
          }
        />
      );
    case 'boolean':
      return (
        <input
          type="checkbox"
          name={field.key}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      );
    case 'select':
      return (
        <select
          name={field.key}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        >
          {(field.optional || value === undefined) && <option value="">{t('admin.none')}</option>}
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'multi': {
      const chosen = new Set((value as readonly string[] | undefined) ?? []);
      return (
        <div className="form__chips" data-field={field.key}>
          {field.options.map((option) => (
            <label key={option.value} className="form__check">
              <input
                type="checkbox"
                value={option.value}
                checked={chosen.has(option.value)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...chosen, option.value]
                      : [...chosen].filter((entry) => entry !== option.value),
                  )
                }
              />
              {option.label}
            </label>
          ))}
        </div>
      );
    }
    case 'weights':
      return (
        <ServiceWeights
          services={field.services}
          value={(value as readonly DeskService[] | undefined) ?? []}
          onChange={onChange}
        />
      );
    case 'week':
      return <WeekInput value={value} onChange={onChange} optional={field.optional ?? false} />;
    case 'special-days':
      return <SpecialDaysInput value={value} onChange={onChange} />;
    case 'outcomes':
      return <OutcomesEditor value={value} onChange={onChange} onError={onError} />;
    case 'printer':
      return <PrinterEditor value={value} onChange={onChange} onError={onError} />;
    case 'template':
      return <TemplateEditor value={value} onChange={onChange} onError={onError} />;
  }
};

const isWide = (field: Field): boolean =>
  field.wide === true ||
  ['weights', 'week', 'special-days', 'outcomes', 'printer', 'template', 'multi'].includes(field.kind) ||
  (field.kind === 'localized' && field.multiline === true);

/** Fields of one control, which their label wraps (and so names). */
const SIMPLE = new Set<Field['kind']>(['text', 'password', 'number', 'select']);

interface FormProps {
  readonly fields: readonly Field[];
  readonly draft: Draft;
  /** The entry exists already (ids are then fixed). */
  readonly saved: boolean;
  readonly onChange: (draft: Draft) => void;
  readonly onError: (key: string, message: string | undefined) => void;
}

/** The fields of one entry; each change gives the whole new draft. */
export const FormFields = ({ fields, draft, saved, onChange, onError }: FormProps) => {
  const t = useT();
  return (
    <>
      {fields.map((field) => {
        const className = `form__field${isWide(field) ? ' form__field--wide' : ''}${field.kind === 'boolean' ? ' form__check' : ''}`;
        const input = (
          <FieldInput
            field={field}
            value={draft[field.key]}
            saved={saved}
            onChange={(value) => {
              const next: Record<string, unknown> = { ...draft, [field.key]: value };
              if (value === undefined) delete next[field.key];
              onChange(next);
            }}
            onError={(message) => onError(field.key, message)}
          />
        );
        if (field.kind === 'boolean') {
          return (
            <label key={field.key} className={className} data-field={field.key}>
              {input}
              {t(field.label)}
            </label>
          );
        }
        return SIMPLE.has(field.kind) ? (
          <label key={field.key} className={className} data-field={field.key}>
            <span>{t(field.label)}</span>
            {input}
          </label>
        ) : (
          <div key={field.key} className={className} data-field={field.key}>
            <span>{t(field.label)}</span>
            {input}
          </div>
        );
      })}
    </>
  );
};
