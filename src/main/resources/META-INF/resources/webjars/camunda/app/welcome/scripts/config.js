// govcloud-ops: the welcome page in simplified Chinese (English stays available to browsers that ask for it).
export default {
  // page title and header: "广州市政务云运维 首页"
  app: {
    name: '首页',
    vendor: '广州市政务云运维'
  },
  customScripts: [
    // Chinese where the locale file cannot reach: header, hard-coded texts
    'scripts/webapp-zh.js'
  ],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
