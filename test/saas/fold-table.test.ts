import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TABLE, generatedTable } from '../../build/generate-fold-table.ts';
import { foldText } from '../../shared/lure/fold-text.ts';

describe('the look-alike fold table (generated from UTS #39 confusables)', () => {
  it('is what build/generate-fold-table.ts writes from the vendored data', () => {
    expect(readFileSync(TABLE, 'utf8')).toBe(generatedTable());
  });

  it('stays small enough for the bundles', () => {
    expect(gzipSync(readFileSync(TABLE)).length).toBeLessThan(6_000);
  });

  it('folds confusables the hand-picked list missed, as brand names in text', () => {
    // Cherokee Ꮐ (GE), Lisu ꓐ (BA), Latin alpha ɑ, Coptic ⲟ, Canadian syllabics ᑲ (KA).
    expect(foldText('\u13c0ithu\ua4d0').text).toBe('github');
    expect(foldText('P\u0251yP\u0251l').text).toBe('paypal');
    expect(foldText('N\u2c9frton').text).toBe('norton');
    expect(foldText('\u1472itcoin').text).toBe('bitcoin');
  });

  it('reads capital I-like letters as i, as a reader does (UTS #39 gives them "l")', () => {
    expect(foldText('\u0406nvoice').text).toBe('invoice');
    expect(foldText('\u0399nvoice').text).toBe('invoice');
  });

  it('never returns object internals for odd keys', () => {
    expect(foldText('constructor __proto__ toString').text).toBe('constructor __proto__ tostring');
  });
});
