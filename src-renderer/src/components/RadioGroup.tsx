interface Props<V extends string> {
  /** The radios' name; each radio's id is `${name}-${value}`. */
  name: string;
  legend: string;
  value: V;
  options: { value: V; label: string; disabled?: boolean }[];
  onChange: (value: V) => void;
  disabled?: boolean;
  className?: string;
}

/** One choice of a few, as radios under a legend. */
export function RadioGroup<V extends string>({ name, legend, value, options, onChange, disabled, className }: Props<V>) {
  return (
    <fieldset className={className} disabled={disabled}>
      <legend className="field-label">{legend}</legend>
      {options.map((option) => (
        <div className="check-field" key={option.value}>
          <input
            id={`${name}-${option.value}`}
            className="checkbox"
            type="radio"
            name={name}
            checked={value === option.value}
            disabled={option.disabled}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
