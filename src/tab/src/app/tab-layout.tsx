import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXXL}`,
    display: 'grid',
    rowGap: tokens.spacingVerticalL,
    alignContent: 'start',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/** The page frame: an optional banner (the local sandbox), the view navigation, then the view. */
export function TabLayout(props: { banner?: ReactNode; nav?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {props.banner}
      {props.nav ? <nav aria-label="Views">{props.nav}</nav> : null}
      <main>{props.children}</main>
    </div>
  );
}
