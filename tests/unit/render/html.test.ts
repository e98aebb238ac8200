// Raw HTML as real notes use it: a safe subset renders, the rest is dropped
// or unwrapped, words in angle brackets that are not HTML stay text.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../cards/render/render.ts';
import { textOf } from './helpers.ts';

const html = (src: string) => renderMarkdown(src, { math: 'dom' }).html;

describe('layout HTML renders', () => {
  it('line breaks, sup/sub, bold/italic/underline', () => {
    const h = html('a<br>b<br/>c x<sup>2</sup> H<sub>2</sub>O <b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u>');
    expect(h).toContain('a<br />b<br />c');
    expect(h).toContain('x<sup>2</sup> H<sub>2</sub>O <b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u>');
  });

  it('<center> becomes a centered block, with Markdown and math inside', () => {
    const h = html('<center>图 3.1 **线性回归** $y=wx+b$</center>');
    expect(h).toMatch(/^<div class="center">图 3\.1 <strong>线性回归<\/strong> <span class="math" data-tex="y=wx\+b" data-display="0"><\/span><\/div>/);
    expect(h).not.toContain('&lt;center');
  });

  it('p, div, lists and tables', () => {
    expect(html('<p>para</p>')).toBe('<p>para</p>');
    expect(html('<div>box</div>')).toBe('<div>box</div>');
    expect(html('<ul><li>x</li><li>y</li></ul>')).toBe('<ul><li>x</li><li>y</li></ul>');
    expect(html('<ol start="3"><li>x</li></ol>')).toBe('<ol start="3"><li>x</li></ol>');
    expect(html('<table><tr><th colspan="2">h</th></tr><tr><td>a</td><td>b</td></tr></table>')).toBe(
      '<table><tr><th colspan="2">h</th></tr><tr><td>a</td><td>b</td></tr></table>',
    );
  });

  it('details/summary with Markdown inside', () => {
    const h = html('<details><summary>Answer</summary>\n\n- one **b**\n\n</details>');
    expect(h).toContain('<details><summary>Answer</summary>');
    expect(h).toContain('<li>one <strong>b</strong></li>');
    expect(h).toContain('</details>');
  });

  it('font and other presentational wrappers are unwrapped, keeping their text', () => {
    expect(html('<font color="red" size=4>警告</font>').trim()).toBe('<p>警告</p>');
    expect(html('<section><article>inner</article></section>')).toBe('inner');
  });

  it('no style attribute survives; aligned Markdown table cells get classes', () => {
    expect(html('<p style="color:red" align="center">x</p>')).toBe('<p>x</p>');
    const t = html('| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |');
    expect(t).not.toContain('style=');
    expect(t).toContain('<td class="ta-left">1</td>');
    expect(t).toContain('<td class="ta-center">2</td>');
    expect(t).toContain('<td class="ta-right">3</td>');
  });

  it('http(s) anchors open outside; other hrefs are dropped', () => {
    expect(html('<a href="https://ok.org">ok</a>')).toContain('<a href="https://ok.org" target="_blank" rel="noopener noreferrer">ok</a>');
    expect(html('<a href="javascript:alert(1)">j</a>').trim()).toBe('<p><a>j</a></p>');
    expect(html('<a href="./other.md">o</a>').trim()).toBe('<p><a>o</a></p>');
  });

  it('HTML comments are hidden', () => {
    expect(textOf(html('before <!-- hidden --> after'))).toBe('before  after\n');
  });
});

describe('angle brackets that are not HTML stay text', () => {
  it('NLP tokens and comparisons', () => {
    const h = html('add <EOS> and <unk>, pad with <pad>; <s> starts and </s> ends; a < b > c; x<y');
    expect(textOf(h)).toBe('add <EOS> and <unk>, pad with <pad>; <s> starts and </s> ends; a < b > c; x<y\n');
    expect(h).not.toContain('<s>');
  });

  it('a line holding only a made-up tag', () => {
    expect(textOf(html('<user, item>'))).toBe('<user, item>\n');
    expect(textOf(html('<BOS>'))).toContain('<BOS>');
  });
});

describe('dangerous HTML is dropped with its content', () => {
  it('script, style, iframe, object, svg, form controls, event handlers', () => {
    const h = html(
      '<script>alert(1)</script>\n\n<style>body{display:none}</style>\n\nok <iframe src="https://x"></iframe> <object data="x"></object> <svg onload="alert(1)"><circle/></svg> <textarea>t</textarea> <button onclick="x()">b</button> <p onclick="alert(1)">p</p>',
    );
    expect(h).not.toMatch(/<(script|style|iframe|object|svg|textarea|button)/i);
    expect(h).not.toMatch(/\son\w+=/i);
    expect(h).not.toContain('alert');
    expect(h).not.toContain('display:none');
    expect(textOf(h)).toContain('ok');
    expect(textOf(h)).toContain('p');
  });

  it('a note cannot borrow the app\'s classes or data attributes', () => {
    const h = html('<span class="katex evil" data-x="1" id="main">t</span> <img data-media="x.png" src="x.png">');
    expect(h).toContain('<span>t</span>');
    expect(h).not.toContain('data-media');
  });
});
