// govcloud-ops: simplified Chinese by default for Chinese browsers, English still available.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
