import { Select } from '@fluentui/react-components';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

/** A Select of `options`, each shown by its label; `onSelect` gets the value of the option chosen. */
export function OptionsSelect<V extends string>(props: {
  options: readonly SelectOption<V>[];
  value: V;
  onSelect: (value: V) => void;
  id?: string;
  className?: string;
}) {
  return (
    <Select
      id={props.id}
      className={props.className}
      value={props.value}
      onChange={(_e, d) => props.onSelect(d.value as V)}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}
