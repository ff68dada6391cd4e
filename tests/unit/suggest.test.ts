import { describe, expect, it } from 'vitest';
import { nearest } from '@/lib/rules/suggest';

const SURVEYS = ['burson-marsteller-2010', 'kcci-donga-2010', 'kicom-2010', 'thepr-2010', 'thepr-kpr-2012'];

describe('nearest', () => {
  it('finds the same id in other capitals first', () => {
    expect(nearest('Kicom-2010', SURVEYS)).toBe('kicom-2010');
    expect(nearest('STAFF', ['staff', 'stuff'])).toBe('staff');
  });

  it('suggests nothing for an id that is itself a candidate', () => {
    expect(nearest('kicom-2010', SURVEYS)).toBeUndefined();
  });

  it('accepts a typo of one letter per four, and at least one', () => {
    expect(nearest('kicom2010', SURVEYS)).toBe('kicom-2010'); // 9 letters: 2 allowed, 1 used
    expect(nearest('kicon-2011', SURVEYS)).toBe('kicom-2010'); // 10 letters: 2 allowed, 2 used
    expect(nearest('kixon-2011', SURVEYS)).toBeUndefined(); // 3: too far
    expect(nearest('blg', ['blog', 'twitter'])).toBe('blog'); // 3 letters: still 1 allowed
    expect(nearest('bxg', ['blog', 'twitter'])).toBeUndefined(); // 2
  });

  it('counts two swapped neighbours as one typo (Damerau)', () => {
    expect(nearest('parital', ['id', 'text', 'type', 'partial'])).toBe('partial');
    expect(nearest('sutdy', ['study'])).toBe('study'); // 5 letters: only 1 allowed
  });

  it('does not take a letter for another letter in a one-letter id', () => {
    expect(nearest('x', ['n', 'population'])).toBeUndefined();
  });

  it('prefers the closest candidate, then the earlier one', () => {
    expect(nearest('thepr-2011', SURVEYS)).toBe('thepr-2010');
    expect(nearest('ab-cd', ['ab-ce', 'ab-cf'])).toBe('ab-ce');
  });

  it('finds an id written short, or with something added', () => {
    expect(nearest('two', ['one', 'two-plus'])).toBe('two-plus');
    expect(nearest('kicom-2010-final', SURVEYS)).toBe('kicom-2010');
    expect(nearest('Two', ['one', 'two-plus'])).toBe('two-plus');
  });

  it('needs at least three letters to match a part', () => {
    expect(nearest('tw', ['twitter'])).toBeUndefined();
    expect(nearest('q-and-a', ['q', 'a'])).toBeUndefined();
  });

  it('returns undefined when nothing is close or there is nothing to choose from', () => {
    expect(nearest('sales', ['reputation', 'marketing', 'customer-service'])).toBeUndefined();
    expect(nearest('anything', [])).toBeUndefined();
    expect(nearest('', SURVEYS)).toBeUndefined();
  });

  it('reads Korean as well', () => {
    expect(nearest('가이드라인', ['가이드 라인', '트위터'])).toBe('가이드 라인');
  });
});
