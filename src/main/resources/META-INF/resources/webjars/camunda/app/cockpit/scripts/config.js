// govcloud-ops: Cockpit in simplified Chinese (English stays available to browsers that ask for it).
export default {
  // page title and header: "广州市政务云运维 流程监控"
  app: {
    name: '流程监控',
    vendor: '广州市政务云运维'
  },
  customScripts: [
    // Chinese where the locale file cannot reach: dates on every load, header, hard-coded texts
    'scripts/webapp-zh.js',
    // read-only users (group supervisor) are not offered write controls
    'scripts/read-only.js',
    // the compliance matrix: an entry in the navigation and the page the login leads back to
    'scripts/compliance.js'
  ],
  locales: {
    availableLocales: ['zh', 'en'],
    // zh also as fallback: a Chinese browser then loads only zh.json (see scripts/webapp-zh.js on dates)
    fallbackLocale: 'zh'
  }
};
