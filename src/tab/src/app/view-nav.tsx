/**
 * The view tabs (Charter, Edit, History, Export). A chunk of its own: Fluent's TabList brings Tabster, its keyboard
 * focus manager, which the first paint of the charter does not need (see painted.ts).
 */
import { Tab, TabList } from '@fluentui/react-components';

import { appStrings } from '../strings/app';
import type { View } from './charter-tab.types';

export function ViewNav(props: {
  view: View;
  canEdit: boolean;
  hasCharter: boolean;
  onSelect: (view: View) => void;
}) {
  return (
    <TabList
      selectedValue={props.view}
      onTabSelect={(_e, d) => props.onSelect(d.value as View)}
      aria-label={appStrings.viewTabsLabel}
    >
      <Tab value="charter">{appStrings.viewTabs.charter}</Tab>
      {props.canEdit ? <Tab value="edit">{appStrings.viewTabs.edit}</Tab> : null}
      {props.hasCharter ? <Tab value="history">{appStrings.viewTabs.history}</Tab> : null}
      {props.hasCharter ? <Tab value="export">{appStrings.viewTabs.export}</Tab> : null}
    </TabList>
  );
}
