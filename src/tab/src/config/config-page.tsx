import {
  Body1,
  FluentProvider,
  Link,
  makeStyles,
  Radio,
  RadioGroup,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';

import { loadedTheme } from '../app/themes';
import type { ThemeName } from '../host/tab-host';
import { configStrings } from '../strings/config';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXXL,
    display: 'grid',
    rowGap: tokens.spacingVerticalL,
    alignContent: 'start',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export type ConfigChoice = 'create' | 'show';

/**
 * What the configuration page needs from teams-js: the save handler and the validity state
 * (`pages.config.registerOnSaveHandler` → `setConfig` → `notifySuccess`, and `setValidityState`).
 */
export interface ConfigHost {
  theme: ThemeName;
  /** Added to a meeting (its chat or details), not to a channel: there is no charter to create here. */
  inMeeting: boolean;
  /** Registers what Save does: called with the choice at the time the person presses Save. */
  onSave(save: () => ConfigChoice): void;
  setValid(valid: boolean): void;
}

/**
 * The configurable tab's configuration page: in a channel "Create our charter" or "Show our charter"; in a meeting
 * a note that the charter lives in the channel (Save pins the tab, which says the same).
 */
export function ConfigPage({ host }: { host: ConfigHost | null }) {
  const styles = useStyles();
  const [choice, setChoice] = useState<ConfigChoice>('show');
  // Teams calls the save handler outside React: it reads the choice at that moment through the ref.
  const choiceRef = useRef(choice);
  useEffect(() => {
    choiceRef.current = choice;
  }, [choice]);
  useEffect(() => {
    if (!host) return;
    host.onSave(() => choiceRef.current);
    host.setValid(true);
  }, [host]);

  return (
    <FluentProvider theme={loadedTheme(host?.theme ?? 'default') ?? loadedTheme('default')}>
      <main className={styles.root}>
        <Title2 as="h1">{host?.inMeeting ? configStrings.meetingTitle : configStrings.title}</Title2>
        {host?.inMeeting ? (
          <Body1>{configStrings.meetingBody}</Body1>
        ) : host ? (
          <RadioGroup
            value={choice}
            onChange={(_e, d) => setChoice(d.value as ConfigChoice)}
            aria-label={configStrings.title}
          >
            <Radio value="show" label={`${configStrings.show} — ${configStrings.showHint}`} />
            <Radio value="create" label={`${configStrings.create} — ${configStrings.createHint}`} />
          </RadioGroup>
        ) : (
          <Body1>
            {configStrings.outsideTeams} <Link href="/tab/">{configStrings.openTab}</Link>
          </Body1>
        )}
      </main>
    </FluentProvider>
  );
}
