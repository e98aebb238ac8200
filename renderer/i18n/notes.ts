// Strings for notes on cards: wikilinks opening Browse.
// `en` defines the keys; `zh` must have exactly the same ones.
const en = {
  'browse.note': 'Note: {name}',
  'browse.noteMissing': 'No imported note is called “{name}”; showing cards that mention it.',
  'browse.clearNote': 'Show all cards',
  'card.openNote': 'Open “{name}” in Browse',
};

const zh: Record<keyof typeof en, string> = {
  'browse.note': '笔记：{name}',
  'browse.noteMissing': '没有导入名为“{name}”的笔记；显示提到它的卡片。',
  'browse.clearNote': '显示全部卡片',
  'card.openNote': '在浏览中打开“{name}”',
};

export const notes = { zh, en } as const;
