// What the policy checker says about a setting it could not use, as a Note: a sentence in the reader's
// language naming the setting in plain words, and the checker's own line (key and expected form) as the
// technical detail for the IT team. Pure TypeScript.
import type { Note } from '../i18n/note.ts';
import type { Policy } from '../types.ts';

/** The form a setting's value must have, each with its catalogue sentence. */
const EXPECTED = {
  list: 'policyProblemList',
  positiveNumber: 'policyProblemPositiveNumber',
  webAddress: 'policyProblemWebAddress',
  email: 'policyProblemEmail',
  token: 'policyProblemToken',
  country: 'policyProblemCountry',
  yesNo: 'policyProblemYesNo',
  level: 'policyProblemLevel',
  feeds: 'policyProblemFeeds',
} as const;

export type ExpectedForm = keyof typeof EXPECTED;

/** A setting dropped because its value is not of the expected form; `line` is the checker's line. */
export function settingProblem(setting: keyof Policy, expected: ExpectedForm, line: string): Note {
  return { key: EXPECTED[expected], terms: { setting: `policy_${setting}` }, detail: line };
}

/** One entry of the scam lists dropped (1-based `number`, as the reader counts); a bad address has its own sentence. */
export function feedEntryProblem(number: number, badAddress: boolean, line: string): Note {
  return { key: badAddress ? 'policyProblemFeedAddress' : 'policyProblemFeedSetting', params: { number }, detail: line };
}

/** The whole policy is not an object of settings. */
export function policyShapeProblem(line: string): Note {
  return { key: 'policyProblemShape', detail: line };
}
