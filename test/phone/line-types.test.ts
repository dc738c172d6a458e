import { describe, expect, it } from 'vitest';
import { only } from './extract-helpers.ts';

describe('line types from libphonenumber-js max metadata', () => {
  it.each([
    ['Call 1-888-596-1028', 'toll-free'],
    ['Call 1-800-998-9938', 'toll-free'],
    ['Call 804-713-4598', 'fixed-line-or-mobile'],
    ['Call +44 20 7946 0958', 'fixed-line'],
    ['Call +44 7400 123987', 'mobile'],
    ['Call +44 56 1238 5726', 'voip'],
    ['Call +44 909 879 3542', 'premium-rate'],
    ['Call +33 8 10 38 57 26', 'shared-cost'],
    ['Call +44 70 1238 9746', 'personal-number'],
    ['Call +44 76 4012 3987', 'pager'],
    ['Call +44 55 1238 5726', 'uan'],
    ['Call +1 900 238 5726', 'premium-rate'],
  ])('%s → %s', (text, lineType) => {
    expect(only(text).lineType).toBe(lineType);
  });
});
