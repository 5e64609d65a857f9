/** What the local sandbox banner shows (a chunk of its own, see local-banner.tsx). */
import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  tokens,
} from '@fluentui/react-components';

import type { ThemeName } from '../host/tab-host';
import { localSandboxStrings } from '../strings/local-sandbox';
import type { LocalBannerProps } from './local-banner.types';

const useStyles = makeStyles({
  pickers: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
});

export function LocalBannerBody(props: LocalBannerProps) {
  const styles = useStyles();
  const team = props.context.teams.find((t) => t.teamId === props.teamId);
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{localSandboxStrings.title}</MessageBarTitle>
          {localSandboxStrings.detail}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.pickers}>
        <Field label={localSandboxStrings.teamPicker}>
          <Select value={props.teamId} onChange={(_e, d) => props.onTeamChange(d.value)}>
            {props.context.teams.map((t) => (
              <option key={t.teamId} value={t.teamId}>
                {t.teamName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={localSandboxStrings.memberPicker}>
          <Select value={props.userId} onChange={(_e, d) => props.onUserChange(d.value)}>
            {(team?.members ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.timeZone ? `${m.name} (${m.timeZone})` : m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={localSandboxStrings.themePicker}>
          <Select value={props.theme} onChange={(_e, d) => props.onThemeChange(d.value as ThemeName)}>
            {(['default', 'dark', 'contrast'] as const).map((t) => (
              <option key={t} value={t}>
                {localSandboxStrings.themes[t]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </>
  );
}
