// Obsidian syntax on cards: wikilinks as text-links for Browse, callouts as
// boxes, comments hidden, highlights kept.
import { describe, expect, it } from 'vitest';
import { parseWikiTarget } from '../../../cards/render/obsidian.ts';
import { renderMarkdown } from '../../../cards/render/render.ts';
import { textOf } from './helpers.ts';

const html = (src: string) => renderMarkdown(src).html;

describe('wikilinks', () => {
  it('[[note]], [[note|alias]], [[note#heading]] render as their text with data for Browse', () => {
    const h = html('see [[Attention]], [[Transformer|the transformer]] and [[BERT#Pre-training]] or [[#Local heading]]');
    expect(h).toContain('<a class="wikilink" data-note="Attention">Attention</a>');
    expect(h).toContain('<a class="wikilink" data-note="Transformer">the transformer</a>');
    expect(h).toContain('<a class="wikilink" data-note="BERT" data-heading="Pre-training">BERT › Pre-training</a>');
    expect(h).toContain('<a class="wikilink" data-heading="Local heading">Local heading</a>');
    expect(h).not.toContain('href');
    expect(textOf(h)).not.toContain('[[');
  });

  it('parses targets with block ids and escaped pipes (tables)', () => {
    expect(parseWikiTarget('Note#H^abc123')).toEqual({ note: 'Note', heading: 'H', text: 'Note › H' });
    expect(parseWikiTarget('Note\\|alias')).toEqual({ note: 'Note', heading: '', text: 'alias' });
    const t = html('| a | b |\n|---|---|\n| [[Loss\\|loss]] | x |');
    expect(t).toContain('<td><a class="wikilink" data-note="Loss">loss</a></td>');
  });

  it('reads a wikilink wrapped once in a hard-wrapped note (glossary vault), not across paragraphs', () => {
    const h = html('a convolution mixes the [[convolutional filter|convolutional\nfilter]] and the input');
    expect(h).toContain('<a class="wikilink" data-note="convolutional filter">convolutional filter</a>');
    expect(textOf(html('[[a\n\nb]]'))).toContain('[[a');
    expect(textOf(html('[[a\nb\nc]]'))).toContain('[[a');
  });

  it('a note embed is a marked wikilink, an image embed a placeholder', () => {
    expect(html('![[Gradient descent]]')).toContain('<a class="wikilink wikilink-embed" data-note="Gradient descent">Gradient descent</a>');
    expect(html('![[diagram.excalidraw.svg]]')).toContain('class="img-missing"');
  });

  it('escapes what it shows', () => {
    const h = html('[[<img src=x onerror=alert(1)>|<b>x</b>]]');
    expect(h).not.toContain('<img');
    expect(h).not.toContain('<b>');
  });

  it('leaves [[ inside code and math alone', () => {
    expect(html('`[[x]]`')).toContain('<code>[[x]]</code>');
    expect(html('$[[x]]$')).not.toContain('wikilink');
  });
});

describe('callouts', () => {
  it('> [!note] Title becomes a box with its title and body', () => {
    const h = html('> [!note] Key idea\n> Attention is a **weighted** average.');
    expect(h).toMatch(/^<div class="callout callout-note"><div class="callout-title">Key idea<\/div><div class="callout-body">\s*<p>Attention is a <strong>weighted<\/strong> average.<\/p>\s*<\/div><\/div>/);
  });

  it('types and aliases map to a style; untitled callouts are named after their type', () => {
    expect(html('> [!tip]\n> t')).toContain('<div class="callout callout-tip"><div class="callout-title">Tip</div>');
    expect(html('> [!hint] h\n> t')).toContain('callout-tip');
    expect(html('> [!warning] w\n> t')).toContain('callout-warning');
    expect(html('> [!question] Why?\n> t')).toContain('callout-question');
    expect(html('> [!whatever] x\n> t')).toContain('callout-note');
  });

  it('foldable callouts are <details>, closed with -, open with +', () => {
    expect(html('> [!note]- Proof\n> long proof')).toMatch(/^<details class="callout callout-note"><summary class="callout-title">Proof<\/summary>/);
    expect(html('> [!note]+ Proof\n> long proof')).toMatch(/^<details class="callout callout-note" open><summary/);
  });

  it('a title-only callout and plain quotes', () => {
    expect(html('> [!info] Just a title')).toContain('<div class="callout-title">Just a title</div>');
    expect(html('> plain quote')).toContain('<blockquote>');
  });
});

describe('comments and highlights', () => {
  it('%%…%% is hidden inline and as a block', () => {
    expect(textOf(html('visible %%hidden%% text'))).toBe('visible  text\n');
    expect(textOf(html('a\n\n%%\nsecret\n\nmore secret\n%%\n\nb'))).toBe('a\nb\n');
    expect(textOf(html('50%% off'))).toBe('50%% off\n');
  });

  it('==highlight== still renders as <mark>', () => {
    expect(html('the ==key term== here')).toContain('<mark>key term</mark>');
  });
});
