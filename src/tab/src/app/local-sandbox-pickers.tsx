/**
 * The local sandbox's notice and pickers, shared by the channel tab's banner and the personal page's: says this is not
 * Teams, and lets a person pick whom to play (and which team) and try the Teams themes.
 */
import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

import type { ThemeName } from '../host/tab-host';
import { localSandboxStrings as s } from '../strings/local-sandbox';

const useStyles = makeStyles({
  pickers: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
});

/** The notice with what it means here (`detail`), then the pickers. */
export function LocalSandboxNotice({ detail, children }: { detail: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.title}</MessageBarTitle>
          {detail}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.pickers}>{children}</div>
    </>
  );
}

export function LocalPicker(props: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_e, d) => props.onChange(d.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A demo member as the member picker lists them: with their zone, which the page's times follow. */
export function memberOption(m: { id: string; name: string; timeZone: string | null }) {
  return { value: m.id, label: m.timeZone ? `${m.name} (${m.timeZone})` : m.name };
}

const THEMES = (['default', 'dark', 'contrast'] as const).map((t) => ({ value: t, label: s.themes[t] }));

export function ThemePicker({ theme, onChange }: { theme: ThemeName; onChange: (theme: ThemeName) => void }) {
  return (
    <LocalPicker
      label={s.themePicker}
      value={theme}
      options={THEMES}
      onChange={(value) => onChange(value as ThemeName)}
    />
  );
}
