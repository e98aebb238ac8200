export function foldLong(html: string, _lang?: 'zh' | 'en'): string {
  return html;
}
