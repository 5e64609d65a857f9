/** Every `Action.Execute` verb our cards carry; each has one handler file in `verbs/`. */
export const CARD_VERBS = {
  submitCheckIn: 'checkin.submit',
  editCheckIn: 'checkin.edit',
} as const;
