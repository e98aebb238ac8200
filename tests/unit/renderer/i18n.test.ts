// Every UI string exists in both languages, and every literal key the
// renderer asks for exists. New string modules in renderer/i18n/ are picked
// up automatically.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const I18N = path.join(ROOT, 'renderer/i18n');

type Strings = { zh: Record<string, unknown>; en: Record<string, unknown> };

async function stringModules(): Promise<Record<string, Strings>> {
  const out: Record<string, Strings> = {};
  for (const f of fs.readdirSync(I18N)) {
    if (!f.endsWith('.ts') || f === 'index.ts' || f.endsWith('.svelte.ts') || f.endsWith('.d.ts')) continue;
    const mod = (await import(path.join(I18N, f))) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) {
      if (v && typeof v === 'object' && 'zh' in v && 'en' in v) out[`${f}:${name}`] = v as Strings;
    }
  }
  return out;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(svelte|ts)$/.test(e.name) && !p.startsWith(I18N)) out.push(p);
  }
  return out;
}

describe('i18n', () => {
  it('finds the core, mock and stats modules', async () => {
    const names = Object.keys(await stringModules());
    expect(names).toContain('core.ts:core');
    expect(names).toContain('mock.ts:mock');
    expect(names).toContain('stats.ts:stats');
  });

  it('every key is present in both languages, non-empty', async () => {
    for (const [name, m] of Object.entries(await stringModules())) {
      const zh = Object.keys(m.zh).sort();
      const en = Object.keys(m.en).sort();
      expect({ name, missingInZh: en.filter((k) => !zh.includes(k)), missingInEn: zh.filter((k) => !en.includes(k)) }).toEqual({
        name,
        missingInZh: [],
        missingInEn: [],
      });
      for (const lang of ['zh', 'en'] as const) {
        for (const [k, v] of Object.entries(m[lang])) {
          expect(typeof v === 'string' && v.trim() !== '', `${name} ${lang} ${k}`).toBe(true);
        }
      }
    }
  });

  it('placeholders match between languages', async () => {
    const names = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [name, m] of Object.entries(await stringModules())) {
      for (const k of Object.keys(m.en)) expect(names(m.zh[k]), `${name} ${k}`).toEqual(names(m.en[k]));
    }
  });

  it('no key is defined by two modules', async () => {
    const seen = new Map<string, string>();
    for (const [name, m] of Object.entries(await stringModules())) {
      for (const k of Object.keys(m.en)) {
        expect(seen.get(k), `${k} in ${name}`).toBeUndefined();
        seen.set(k, name);
      }
    }
  });

  it('every literal t("…") key used by the renderer exists', async () => {
    const all = new Set<string>();
    for (const m of Object.values(await stringModules())) for (const k of Object.keys(m.en)) all.add(k);
    const missing: string[] = [];
    for (const file of sources(path.join(ROOT, 'renderer'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) if (!all.has(m[1]!)) missing.push(`${path.relative(ROOT, file)}: ${m[1]}`);
      // Template keys such as t(`grade.${q}`): the static prefix must name at least one key.
      for (const m of text.matchAll(/\bt\(\s*`([\w.-]*)\$\{/g)) {
        if (![...all].some((k) => k.startsWith(m[1]!))) missing.push(`${path.relative(ROOT, file)}: ${m[1]}…`);
      }
    }
    expect(missing).toEqual([]);
  });
});
