import type { GriffelStyle } from '@fluentui/react-components';

/** A list without bullets or indent whose items stand `rowGap` apart (a `makeStyles` slot). */
export function plainList(rowGap: string): GriffelStyle {
  return { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'grid', rowGap };
}
