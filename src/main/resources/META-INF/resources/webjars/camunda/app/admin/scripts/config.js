// govcloud-ops: Admin in simplified Chinese (English stays available to browsers that ask for it).
export default {
  // page title and header: "广州市政务云运维 系统管理"
  app: {
    name: '系统管理',
    vendor: '广州市政务云运维'
  },
  customScripts: [
    // Chinese where the locale file cannot reach: dates on every load, header, hard-coded texts
    'scripts/webapp-zh.js'
  ],
  locales: {
    availableLocales: ['zh', 'en'],
    // zh also as fallback: a Chinese browser then loads only zh.json (see scripts/webapp-zh.js on dates)
    fallbackLocale: 'zh'
  }
};
