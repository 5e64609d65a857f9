import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  tokens,
} from '@fluentui/react-components';
import type { LocalContext } from '../api/types';
import type { ThemeName } from '../host/tab-host';
import { strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalS },
  pickers: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
});

/** Local mode only: says so, and lets a person act as any member of the demo team and try the Teams themes. */
export function LocalBanner(props: {
  context: LocalContext;
  userId: string;
  onUserChange: (id: string) => void;
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="region" aria-label={strings.localBanner}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.localBanner}</MessageBarTitle>
          {strings.localBannerDetail}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.pickers}>
        <Field label={strings.memberPicker}>
          <Select value={props.userId} onChange={(_e, d) => props.onUserChange(d.value)}>
            {props.context.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.timeZone ? `${m.name} (${m.timeZone})` : m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.themePicker}>
          <Select value={props.theme} onChange={(_e, d) => props.onThemeChange(d.value as ThemeName)}>
            {(['default', 'dark', 'contrast'] as const).map((t) => (
              <option key={t} value={t}>
                {strings.themes[t]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </div>
  );
}
