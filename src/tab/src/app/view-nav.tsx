/**
 * The view tabs (Charter, Edit, History, Export). A chunk of its own: Fluent's TabList brings Tabster, its keyboard
 * focus manager, which the first paint of the charter does not need (see painted.ts).
 */
import { Tab, TabList } from '@fluentui/react-components';
import { strings } from '../strings';
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
      aria-label={strings.navLabel}
    >
      <Tab value="charter">{strings.nav.charter}</Tab>
      {props.canEdit ? <Tab value="edit">{strings.nav.edit}</Tab> : null}
      {props.hasCharter ? <Tab value="history">{strings.nav.history}</Tab> : null}
      {props.hasCharter ? <Tab value="export">{strings.nav.export}</Tab> : null}
    </TabList>
  );
}
