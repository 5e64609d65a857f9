import { Field, Input, Textarea } from '@fluentui/react-components';

import { editorStrings } from '../strings/editor';
import { useCharterEditorStyles } from './charter-editor.styles';

/** The counter shows from this share of the limit on. */
const COUNT_FROM = 0.8;

export interface CountedTextFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  /** The rule's limit (CHARTER_LIMITS). Nothing is cut: a longer text stays whole for the person to trim. */
  max: number;
  /** The rule's message for this field, when it is to be shown. */
  message?: string | undefined;
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

/**
 * A text field with its length limit in view: near the limit a counter ("480 / 500") joins the hint, past it the
 * counter turns red and a polite announcement says so once; the rule's own message says by how much.
 */
export function CountedTextField(props: CountedTextFieldProps) {
  const styles = useCharterEditorStyles();
  const { id, label, value, max, message } = props;
  const length = value.length;
  const over = length > max;
  const counter =
    length >= Math.ceil(max * COUNT_FROM) ? (
      <span className={over ? styles.over : styles.count}>{editorStrings.charCount(length, max)}</span>
    ) : null;
  const hint =
    props.hint || counter
      ? {
          children: (
            <>
              {props.hint}
              {counter}
            </>
          ),
        }
      : undefined;
  const control = {
    id,
    value,
    onChange: (_e: unknown, d: { value: string }) => props.onChange(d.value),
    onBlur: props.onBlur,
  };
  return (
    <>
      <Field
        label={{ children: label, htmlFor: id }}
        hint={hint}
        required={props.required ?? false}
        // Past the limit the message changes with every key: it is read with the field, not shouted (see below).
        {...(message
          ? {
              validationMessage: over ? { children: message, role: undefined } : message,
              validationState: 'error',
            }
          : {})}
      >
        {props.multiline ? (
          <Textarea {...control} resize="vertical" rows={props.rows ?? 2} />
        ) : (
          <Input {...control} />
        )}
      </Field>
      <span role="status" className="visually-hidden">
        {over ? editorStrings.overLimit(label, max) : ''}
      </span>
    </>
  );
}
