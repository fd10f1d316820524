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
  // the operations dashboard and the duty room's big screen (served by this application, same login)
  links: [
    {
      label: '运营可视化',
      href: '../../../../dashboard/',
      description: '应急事件、工单、告警、巡检、资源与费用、考核指标和报告交付的实时运营视图（各单位只看本单位）'
    },
    {
      label: '值班大屏',
      href: '../../../../dashboard/screen',
      description: '值班室大屏（1920×1080），自动刷新，无操作按钮'
    }
  ],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
