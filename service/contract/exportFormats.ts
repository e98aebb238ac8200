// The export formats on their own, without zod: the CLI lists them in
// `export --help`, and importing the contract would load zod on every start.
export const EXPORT_FORMATS = ['reviews.csv', 'cards.csv', 'daily.csv', 'json', 'apkg', 'backup', 'report'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
