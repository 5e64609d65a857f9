/**
 * The independent Graph expander now lives in the Graph sandbox (src/sandbox/graph/patterned-recurrence.ts), which
 * serves the same reading over HTTP; the cadence tests keep importing it from here.
 */
export {
  checkRecurringEventBody,
  expandPatternedRecurrence,
  type RecurringEventBody,
} from '../../../../src/sandbox/graph/patterned-recurrence';
