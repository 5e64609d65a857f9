import type { ReactNode } from 'react';

/** The page frame: an optional banner (the local sandbox), the view navigation (null: its place, kept), then the view. */
export function TabLayout(props: { banner?: ReactNode; nav?: ReactNode; children: ReactNode }) {
  return (
    <div className="tc-layout">
      {props.banner}
      {props.nav !== undefined ? (
        <nav aria-label="Views" className="tc-nav">
          {props.nav}
        </nav>
      ) : null}
      <main>{props.children}</main>
    </div>
  );
}
