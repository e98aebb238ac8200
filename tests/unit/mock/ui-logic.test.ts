import { describe, expect, it } from 'vitest';
import { PRESETS as ENGINE_PRESETS } from '../../../srs/mock/config.ts';
import { clock, DEFAULT_FORM, PRESETS, reportKey, runKey, startArgs, timerLevel, type KeyLike } from '../../../renderer/screens/mock/logic.ts';

const key = (k: string, over: Partial<KeyLike> = {}): KeyLike => ({ key: k, inTextField: false, ...over });

describe('mock screen keyboard map', () => {
  it('concept card: Space/Enter reveal, N opens the notes, Ctrl+Enter reveals from them, 0–5 grade after', () => {
    expect(runKey('question', 'concept', key(' '))).toEqual({ type: 'reveal' });
    expect(runKey('question', 'concept', key('Enter'))).toEqual({ type: 'reveal' });
    expect(runKey('question', 'concept', key('n'))).toEqual({ type: 'focus' });
    expect(runKey('question', 'concept', key('Enter', { inTextField: true }))).toBeNull(); // a newline in the notes
    expect(runKey('question', 'concept', key('Enter', { inTextField: true, ctrlKey: true }))).toEqual({ type: 'reveal' });
    expect(runKey('question', 'concept', key('3'))).toBeNull(); // no grading before the reveal
    expect(runKey('revealed', 'concept', key('3'))).toEqual({ type: 'grade', quality: 3 });
    expect(runKey('revealed', 'concept', key('6'))).toBeNull();
  });

  it('problem: Enter submits from the box; outside it Enter returns to the box and S skips', () => {
    expect(runKey('question', 'problem', key('Enter', { inTextField: true }))).toEqual({ type: 'submit' });
    expect(runKey('question', 'problem', key('5', { inTextField: true }))).toBeNull(); // digits are the answer
    expect(runKey('question', 'problem', key('Escape', { inTextField: true }))).toEqual({ type: 'blur' });
    expect(runKey('question', 'problem', key('Enter'))).toEqual({ type: 'focus' });
    expect(runKey('question', 'problem', key('s'))).toEqual({ type: 'skip' });
  });

  it('Esc asks to end; then F finishes, A abandons, Esc goes back; keys wait while a call is out', () => {
    expect(runKey('question', 'problem', key('Escape'))).toEqual({ type: 'confirm' });
    expect(runKey('confirm', 'problem', key('f'))).toEqual({ type: 'finish' });
    expect(runKey('confirm', 'concept', key('a'))).toEqual({ type: 'abandon' });
    expect(runKey('confirm', 'concept', key('Escape'))).toEqual({ type: 'cancel' });
    expect(runKey('sending', 'concept', key('4'))).toBeNull();
    expect(runKey('revealed', 'concept', key('4', { repeat: true }))).toBeNull();
  });

  it('report: P prints, J and H export, Esc goes back; typing in a field does nothing', () => {
    expect(['p', 'j', 'h', 'Escape'].map((k) => reportKey(key(k)))).toEqual(['print', 'json', 'html', 'back']);
    expect(reportKey(key('p', { inTextField: true }))).toBeNull();
    expect(reportKey(key('p', { ctrlKey: true }))).toBeNull(); // the browser's own print
  });
});

describe('countdown', () => {
  it('turns amber in the last quarter and red in the last tenth (with floors of 10 s and 5 s)', () => {
    expect(timerLevel(60_000, 120_000)).toBe('ok');
    expect(timerLevel(30_000, 120_000)).toBe('warn');
    expect(timerLevel(12_000, 120_000)).toBe('danger');
    expect(timerLevel(11_000, 12_000)).toBe('ok');
    expect(timerLevel(9_000, 12_000)).toBe('warn');
    expect(timerLevel(5_000, 12_000)).toBe('danger');
  });
  it('shows m:ss rounded up, never negative', () => {
    expect(clock(120_000)).toBe('2:00');
    expect(clock(59_001)).toBe('1:00');
    expect(clock(1)).toBe('0:01');
    expect(clock(-5)).toBe('0:00');
  });
});

describe('start form', () => {
  it('presets match the engine presets', () => {
    for (const name of ['quick', 'standard', 'full'] as const) {
      expect(PRESETS[name].questions).toBe(ENGINE_PRESETS[name].questions);
      expect(PRESETS[name].totalMinutes * 60).toBe(ENGINE_PRESETS[name].totalSeconds);
      expect(PRESETS[name].perQuestionSeconds).toBe(ENGINE_PRESETS[name].perQuestionSeconds);
    }
  });
  it('turns the form into mockStart arguments, leaving range checks to the server', () => {
    expect(startArgs(DEFAULT_FORM)).toEqual({ questions: 10, totalSeconds: 1200, perQuestionSeconds: 120, mix: 0.3, feedSrs: true });
    expect(startArgs({ ...DEFAULT_FORM, questions: 0, sections: [['卷积']], seed: ' 42 ' })).toMatchObject({ questions: 0, sections: [['卷积']], seed: 42 });
    expect(startArgs({ ...DEFAULT_FORM, seed: 'abc' })).not.toHaveProperty('seed');
  });
});
