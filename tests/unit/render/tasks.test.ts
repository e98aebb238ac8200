// Task-list items show a box, not a literal `[ ]` (Obsidian vault checklists).
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../cards/render/render.ts';
import { textOf } from './helpers.ts';

describe('task lists', () => {
  it('`- [ ]` / `- [x]` items start with ☐ / ☑', () => {
    const text = textOf(renderMarkdown('- [ ] Baseline model\n- [x] Done **fast**\n  - [X] nested').html);
    expect(text).toContain('☐ Baseline model');
    expect(text).toContain('☑ Done fast');
    expect(text).toContain('☑ nested');
    expect(text).not.toContain('[ ]');
  });

  it('leaves brackets elsewhere alone', () => {
    expect(textOf(renderMarkdown('- [ ]no space\n- a [ ] b\n\n[ ] paragraph').html)).toBe('\n[ ]no space\na [ ] b\n\n[ ] paragraph\n');
  });
});
