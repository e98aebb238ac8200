// Strings of the stats screens (owned by that area). Keys must exist in both languages.
export const stats = {
  zh: {},
  en: {},
};
