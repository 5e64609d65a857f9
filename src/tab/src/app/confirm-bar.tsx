import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';

export interface ConfirmChoice {
  label: string;
  onClick: () => void;
}

/**
 * An inline question with two ways out, read as an alert dialog. The safe choice is the primary, focused one, so a
 * stray Enter never throws work away or locks anyone out.
 */
export function ConfirmBar(props: {
  title: string;
  body: string;
  safe: ConfirmChoice;
  risky: ConfirmChoice;
}) {
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={props.title}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.body}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={props.safe.onClick} autoFocus>
          {props.safe.label}
        </Button>
        <Button onClick={props.risky.onClick}>{props.risky.label}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
