import { describe, expect, it } from 'vitest';
import { excerpt, formatDue, formatDuration, formatInterval, formatPercent, formatValue } from '../../../renderer/lib/format.ts';

describe('formatInterval (grade button labels)', () => {
  it('days below a month', () => {
    expect(formatInterval(1)).toBe('1d');
    expect(formatInterval(6)).toBe('6d');
    expect(formatInterval(29)).toBe('29d');
    expect(formatInterval(1, 'zh')).toBe('1天');
  });
  it('months with one decimal, whole months without', () => {
    expect(formatInterval(63)).toBe('2.1mo');
    expect(formatInterval(30)).toBe('1mo');
    expect(formatInterval(63, 'zh')).toBe('2.1月');
  });
  it('years', () => {
    expect(formatInterval(365)).toBe('1y');
    expect(formatInterval(480)).toBe('1.3y');
    expect(formatInterval(480, 'zh')).toBe('1.3年');
  });
  it('odd input', () => {
    expect(formatInterval(0)).toBe('<1d');
    expect(formatInterval(-1)).toBe('—');
    expect(formatInterval(Number.NaN)).toBe('—');
  });
});

describe('other formatting', () => {
  it('durations', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(192_000)).toBe('3m 12s');
    expect(formatDuration(3_900_000)).toBe('1h 05m');
    expect(formatDuration(192_000, 'zh')).toBe('3分12秒');
  });
  it('percent', () => {
    expect(formatPercent(3, 4)).toBe('75%');
    expect(formatPercent(0, 0)).toBe('—');
  });
  it('due relative to today', () => {
    expect(formatDue(10, 10)).toBe('today');
    expect(formatDue(13, 10)).toBe('in 3d');
    expect(formatDue(8, 10)).toBe('2d overdue');
    expect(formatDue(13, 10, 'zh')).toBe('3天后');
    expect(formatDue(null, 10)).toBe('—');
  });
  it('values', () => {
    expect(formatValue(112)).toBe('112');
    expect(formatValue(0.1 + 0.2)).toBe('0.3');
    expect(formatValue([1, 2.5])).toBe('[1, 2.5]');
  });
  it('excerpts drop Markdown syntax but keep math', () => {
    expect(excerpt('**BN**：把 $x$ [归一化](https://a.b)')).toBe('BN：把 $x$ 归一化');
    expect(excerpt('x'.repeat(200), 10)).toHaveLength(10);
  });
});
