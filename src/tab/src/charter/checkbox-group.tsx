import { Checkbox } from '@fluentui/react-components';

import { useCharterEditorStyles } from './charter-editor.styles';

export interface CheckboxGroupProps {
  /** The group's id; each checkbox's id is made from it and its option's value. */
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  message?: string | undefined;
}

/**
 * Several checkboxes under one label: a fieldset whose legend names the group and whose message speaks for it. Each
 * checkbox has its own id and label (inside a Fluent Field they would all share the field's one id, and a click on
 * any label would toggle the first box).
 */
export function CheckboxGroup(props: CheckboxGroupProps) {
  const styles = useCharterEditorStyles();
  const { id, message } = props;
  const messageId = `${id}-message`;
  return (
    <fieldset id={id} className={styles.fieldset} aria-describedby={message ? messageId : undefined}>
      <legend className={styles.legend}>{props.legend}</legend>
      <div className={styles.checkboxes}>
        {props.options.map((option) => (
          <Checkbox
            key={option.value}
            id={`${id}-${option.value.replace(/[^A-Za-z0-9_-]/g, '-')}`}
            label={option.label}
            checked={props.checked.includes(option.value)}
            onChange={(_e, d) => props.onToggle(option.value, d.checked === true)}
          />
        ))}
      </div>
      {message ? (
        <div id={messageId} role="alert" className={styles.groupError}>
          {message}
        </div>
      ) : null}
    </fieldset>
  );
}
