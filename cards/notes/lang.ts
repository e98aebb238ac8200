// Which language a note (or one of its sections) is written in, so its cards
// ask in that language. The UI language never decides card text. A CJK
// character carries about as much as an English word, so letters count a
// quarter each; math, code and link targets are not words of either language.

export type Lang = 'zh' | 'en';

/** Below this much text (in word-equivalents) a section inherits its note's language. */
const MIN_WEIGHT = 12;

// Bounded spans, so a run of unmatched `[` or `$` stays linear.
const NOT_WORDS = /```[\s\S]{0,20000}?```|\$\$[^$]{0,5000}\$\$|\$[^$\n]{0,500}\$|`[^`\n]{0,500}`|!?\[[^\]\n]{0,500}\]\([^)\n]{0,1000}\)|\[\[[^\]\n]{0,500}\]\]|https?:\/\/\S{0,2000}|<[^>\n]{0,500}>/g;

/** Word-equivalents of each language in the text. */
export function langWeights(text: string): { zh: number; en: number } {
  const s = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let zh = 0;
  let latin = 0;
  const count = (chunk: string) => {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
      else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) zh++;
    }
  };
  let from = 0;
  for (const m of s.matchAll(NOT_WORDS)) {
    count(s.slice(from, m.index));
    from = m.index + m[0].length;
  }
  count(s.slice(from));
  return { zh, en: latin / 4 };
}

/** The text's language; `fallback` when it holds too little text to tell. */
export function detectLang(text: string, fallback: Lang = 'zh'): Lang {
  const w = langWeights(text);
  if (w.zh + w.en < MIN_WEIGHT && fallback) {
    // Not one Chinese character: an index of [[links]] under "# AI Index" is an English note.
    if (w.zh === 0 && w.en > 0) return 'en';
    if (w.en === 0 && w.zh >= 2) return 'zh';
    return fallback;
  }
  // Chinese notes are full of English terms; a third of Chinese is Chinese.
  return w.zh >= 0.3 * (w.zh + w.en) ? 'zh' : 'en';
}

/**
 * A section's language: the heading decides when it has Chinese in it (the
 * question is built from it); otherwise the note's language, unless the
 * section's own text is clearly and substantially the other one.
 */
export function sectionLang(heading: string, body: string, noteLang: Lang): Lang {
  if (langWeights(heading).zh > 0) return 'zh';
  const w = langWeights(body);
  const total = w.zh + w.en;
  if (noteLang === 'zh') return total >= 40 && w.zh < 0.1 * total ? 'en' : 'zh';
  return total >= 20 && w.zh > 0.5 * total ? 'zh' : 'en';
}
