import { describe, expect, it } from 'vitest';
import { isTextField, reviewKey, type Phase } from '../../../renderer/lib/keys.ts';
import { remainingAfter } from '../../../renderer/lib/remaining.ts';

const key = (k: string, extra: Partial<Parameters<typeof reviewKey>[1]> = {}) => ({ key: k, inTextField: false, ...extra });

describe('review keyboard map', () => {
  it('Space and Enter reveal a self-graded card', () => {
    expect(reviewKey('front', key(' '))).toEqual({ type: 'reveal' });
    expect(reviewKey('front', key('Enter'))).toEqual({ type: 'reveal' });
    expect(reviewKey('front', key('3'))).toBeNull(); // no grading before the answer is seen
  });

  it('0–5 grade the revealed card; Space/Enter give the default (Good = 4)', () => {
    for (const q of [0, 1, 2, 3, 4, 5] as const) expect(reviewKey('back', key(String(q)))).toEqual({ type: 'grade', quality: q });
    expect(reviewKey('back', key(' '))).toEqual({ type: 'grade', quality: 4 });
    expect(reviewKey('back', key('6'))).toBeNull();
    expect(reviewKey('back', key('9'))).toBeNull();
  });

  it('grades never fire while typing in the answer box; Enter submits', () => {
    for (const k of ['0', '1', '5', ' ', 'u', 'U', 'a']) expect(reviewKey('typing', key(k, { inTextField: true }))).toBeNull();
    expect(reviewKey('typing', key('Enter', { inTextField: true }))).toEqual({ type: 'submit' });
    expect(reviewKey('typing', key('Escape', { inTextField: true }))).toEqual({ type: 'blurInput' });
    // any other screen with a focused text field: nothing either
    expect(reviewKey('back', key('4', { inTextField: true }))).toBeNull();
  });

  it('outside the box on a problem: Enter returns to it, Space gives up and shows the solution', () => {
    expect(reviewKey('typing', key('Enter'))).toEqual({ type: 'focusInput' });
    expect(reviewKey('typing', key(' '))).toEqual({ type: 'reveal' });
    expect(reviewKey('typing', key('3'))).toBeNull();
  });

  it('a verdict: Enter/Space accept the auto-grade, digits override', () => {
    expect(reviewKey('verdict', key('Enter'))).toEqual({ type: 'accept' });
    expect(reviewKey('verdict', key(' '))).toEqual({ type: 'accept' });
    expect(reviewKey('verdict', key('2'))).toEqual({ type: 'grade', quality: 2 });
  });

  it('u undoes from any settled phase, not while a call is in flight', () => {
    for (const p of ['front', 'back', 'verdict', 'typing', 'done'] as Phase[]) expect(reviewKey(p, key('u'))).toEqual({ type: 'undo' });
    for (const p of ['loading', 'checking', 'saving'] as Phase[]) expect(reviewKey(p, key('u'))).toBeNull();
  });

  it('keys pressed while a card loads are dropped, not queued', () => {
    for (const k of ['1', ' ', 'Enter']) {
      expect(reviewKey('saving', key(k))).toBeNull();
      expect(reviewKey('loading', key(k))).toBeNull();
    }
  });

  it('chords and auto-repeat are left to the browser', () => {
    expect(reviewKey('back', key('4', { ctrlKey: true }))).toBeNull();
    expect(reviewKey('back', key('4', { metaKey: true }))).toBeNull();
    expect(reviewKey('back', key('4', { altKey: true }))).toBeNull();
    expect(reviewKey('front', key(' ', { repeat: true }))).toBeNull(); // holding Space must not reveal and then grade
  });

  it('Escape leaves; Enter on the summary goes back to Today', () => {
    expect(reviewKey('front', key('Escape'))).toEqual({ type: 'leave' });
    expect(reviewKey('done', key('Enter'))).toEqual({ type: 'leave' });
  });

  it('isTextField', () => {
    const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;
    expect(isTextField(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTextField(el('INPUT', { type: 'search' }))).toBe(true);
    expect(isTextField(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTextField(el('TEXTAREA'))).toBe(true);
    expect(isTextField(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTextField(el('BUTTON'))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});

describe('queue counts after an answer', () => {
  const r = { review: 3, new: 5, drill: 1 };
  it('a good answer takes the card off its pile', () => {
    expect(remainingAfter(r, 'new', 5)).toEqual({ review: 3, new: 4, drill: 1 });
    expect(remainingAfter(r, 'review', 4)).toEqual({ review: 2, new: 5, drill: 1 });
    expect(remainingAfter(r, 'drill', 4)).toEqual({ review: 3, new: 5, drill: 0 });
  });
  it('a grade below 4 puts it on the drill pile', () => {
    expect(remainingAfter(r, 'new', 2)).toEqual({ review: 3, new: 4, drill: 2 });
    expect(remainingAfter(r, 'drill', 3)).toEqual(r);
  });
});
