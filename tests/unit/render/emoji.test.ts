// Emoji shortcodes in card text: common ones drawn as emoji, others dropped,
// whole words only; crumbs drop them all.
import { describe, expect, it } from 'vitest';
import { stripShortcodes } from '../../../cards/render/emoji.ts';
import { renderMarkdown } from '../../../cards/render/render.ts';
import { textOf } from './helpers.ts';

describe('emoji shortcodes', () => {
  it('draws known :name: as emoji and drops unknown ones, in fronts and backs', () => {
    const text = textOf(renderMarkdown('Linear regression (code) :white_check_mark:\n\nFeedback is welcome :blush: :no_such_code:').html);
    expect(text.split('\n').map((l) => l.trim())).toEqual(['Linear regression (code) ✅', 'Feedback is welcome 😊', '']);
    expect(textOf(renderMarkdown(':newspaper: News (:+1:)').html).trim()).toBe('📰 News (👍)');
    expect(stripShortcodes(':newspaper: I now offer coaching (:+1:)').trim()).toBe('I now offer coaching');
    expect(stripShortcodes('AI :robot: :computer: Interviews')).toBe('AI Interviews');
  });

  it("knows GitHub's whole table (markdown-it-emoji's data), not only a short list", () => {
    const text = textOf(renderMarkdown('Cool :sunglasses: Python :snake: :dark_sunglasses:').html).trim();
    expect(text).toBe('Cool 😎 Python 🐍 🕶️');
  });

  it('keeps ratios, times, scopes, code and math', () => {
    for (const s of ['ratio 1:2', 'at 12:30:45', 'std::vector', 'a:b:c', 'key:value:', 'http://x.y/:id:']) expect(stripShortcodes(s)).toBe(s);
    const h = renderMarkdown('`:robot:` and $a:b:c$').html;
    expect(h).toContain('<code>:robot:</code>');
    expect(h).toContain('a:b:c');
  });
});
