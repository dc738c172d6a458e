import { describe, expect, it } from 'vitest';
import { extractLure, scoreLure } from '../../shared/lure/index.ts';
import { body, phoneIn } from './helpers.ts';

describe('scoreLure', () => {
  it('scores a full callback lure high and says why', () => {
    const text = 'Your Norton 360 subscription was renewed for $299.99. If you did not authorize this charge, call us within 24 hours at +1 (866) 955-9506 to cancel.';
    const { score, summary } = scoreLure(extractLure(body(text), [phoneIn(text, '+1 (866) 955-9506', '+18669559506')]));
    expect(score).toBeGreaterThanOrEqual(80);
    expect(summary.join('\n')).toMatch(/Norton[\s\S]*\+18669559506[\s\S]*renewal[\s\S]*urgency[\s\S]*299\.99 USD/);
  });

  it('scores an ordinary signature low', () => {
    const text = 'Thanks, see you at the meetup.\n-- \nJane Doe\nPhone: (205) 922-5763';
    const { score } = scoreLure(extractLure(body(text), [phoneIn(text, '(205) 922-5763', '+12059225763')]));
    expect(score).toBeLessThanOrEqual(15);
  });

  it('scores nothing for nothing', () => {
    expect(scoreLure(extractLure(body('Lunch at noon?'), []))).toEqual({ score: 0, summary: [] });
  });
});
