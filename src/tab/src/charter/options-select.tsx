import { Select } from '@fluentui/react-components';
import { useMemo } from 'react';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

/**
 * A Select of `options`, each shown by its label; `onSelect` gets the value of the option chosen. The option elements
 * are made again only when `options` is another array, so a long list (time zones) is not rebuilt on every render.
 */
export function OptionsSelect<V extends string>(props: {
  options: readonly SelectOption<V>[];
  value: V;
  onSelect: (value: V) => void;
  id?: string;
  className?: string;
}) {
  const { options } = props;
  const items = useMemo(
    () =>
      options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      )),
    [options],
  );
  return (
    <Select
      id={props.id}
      className={props.className}
      value={props.value}
      onChange={(_e, d) => props.onSelect(d.value as V)}
    >
      {items}
    </Select>
  );
}
