// FSRS mode on the review screen: keys 1–4 are Again/Hard/Good/Easy (sent as
// their quality through srs/rating.ts), Space is Good; SM-2's 0–5 stay as they are.
import { describe, expect, it } from 'vitest';
import { reviewKey } from '../../../renderer/lib/keys.ts';

const key = (k: string) => ({ key: k, inTextField: false });

describe('review keys by scheduler', () => {
  it('FSRS: 1–4 grade with the rating’s quality, 0 and 5 do nothing, Space = Good', () => {
    expect(['1', '2', '3', '4'].map((k) => reviewKey('back', key(k), 'fsrs'))).toEqual([1, 3, 4, 5].map((quality) => ({ type: 'grade', quality })));
    expect(reviewKey('back', key('0'), 'fsrs')).toBeNull();
    expect(reviewKey('back', key('5'), 'fsrs')).toBeNull();
    expect(reviewKey('back', key(' '), 'fsrs')).toEqual({ type: 'grade', quality: 4 });
    expect(reviewKey('verdict', key('1'), 'fsrs')).toEqual({ type: 'grade', quality: 1 });
  });

  it('SM-2 (default): 0–5 are the grades', () => {
    expect(reviewKey('back', key('0'))).toEqual({ type: 'grade', quality: 0 });
    expect(reviewKey('back', key('5'), 'sm2')).toEqual({ type: 'grade', quality: 5 });
  });
});
