// Strings of the "Check database" panel in Settings. `en` defines the keys;
// `zh` must have exactly the same ones (the type says so).
const en = {
  'doctor.title': 'Check database',
  'doctor.help': 'Looks for damage in the file, rows that point nowhere, and schedules that disagree with your review log. A backup is written next to the file before anything is repaired.',
  'doctor.run': 'Check now',
  'doctor.running': 'Checking…',
  'doctor.summary': '{cards} cards, {reviews} reviews, checked in {ms} ms',
  'doctor.allOk': 'Everything is consistent.',
  'doctor.check.integrity': 'File integrity (SQLite)',
  'doctor.check.foreignKeys': 'References between tables',
  'doctor.check.orphanHistory': 'History of missing cards or mocks',
  'doctor.check.orphanStates': 'Schedules of missing cards',
  'doctor.check.states': 'Schedules vs. review log',
  'doctor.check.newFlags': '“New” marks vs. schedules',
  'doctor.count': '{n} found',
  'doctor.more': '… and {n} more',
  'doctor.repair': 'Rebuild from the review log',
  'doctor.repairing': 'Repairing…',
  'doctor.repaired': 'Rebuilt {rebuilt} schedules, removed {removed}, fixed {flags} “new” marks.',
  'doctor.backup': 'Backup: {path}',
  'doctor.damaged': 'The file itself is damaged. Repair cannot fix that: restore a backup instead.',
  'doctor.kept': 'History that refers to missing items is kept as it is; nothing here deletes reviews.',
};

const zh: Record<keyof typeof en, string> = {
  'doctor.title': '检查数据库',
  'doctor.help': '检查文件是否损坏、是否有指向不存在条目的记录，以及排程是否与复习记录一致。修复前会在文件旁写入一份备份。',
  'doctor.run': '立即检查',
  'doctor.running': '检查中…',
  'doctor.summary': '{cards} 张卡片，{reviews} 条复习记录，用时 {ms} 毫秒',
  'doctor.allOk': '一切一致。',
  'doctor.check.integrity': '文件完整性（SQLite）',
  'doctor.check.foreignKeys': '表之间的引用',
  'doctor.check.orphanHistory': '指向已不存在卡片或模拟面试的记录',
  'doctor.check.orphanStates': '已不存在卡片的排程',
  'doctor.check.states': '排程与复习记录',
  'doctor.check.newFlags': '“新卡”标记与排程',
  'doctor.count': '发现 {n} 处',
  'doctor.more': '……另有 {n} 处',
  'doctor.repair': '根据复习记录重建',
  'doctor.repairing': '修复中…',
  'doctor.repaired': '已重建 {rebuilt} 个排程，删除 {removed} 个，修正 {flags} 个“新卡”标记。',
  'doctor.backup': '备份：{path}',
  'doctor.damaged': '文件本身已损坏，修复无法处理，请从备份恢复。',
  'doctor.kept': '指向不存在条目的历史记录会原样保留；这里不会删除任何复习记录。',
};

export const doctor = { zh, en } as const;
