/** One choice of a few, as radio buttons under a legend (a class, a favour, a ground, a channel). */
interface Props<T extends string> {
  readonly name: string;
  readonly legend: string;
  readonly options: readonly T[];
  /** The chosen option; anything else (an empty draft) checks none. */
  readonly value: string | undefined;
  readonly onChange: (value: T) => void;
  readonly label: (option: T) => string;
  readonly className?: string;
}

export const ChoiceGroup = <T extends string>(props: Props<T>) => (
  <fieldset className={props.className ?? 'choices'}>
    <legend className="field__label">{props.legend}</legend>
    {props.options.map((entry) => (
      <label key={entry}>
        <input
          type="radio"
          name={props.name}
          value={entry}
          checked={props.value === entry}
          onChange={() => props.onChange(entry)}
        />{' '}
        {props.label(entry)}
      </label>
    ))}
  </fieldset>
);
