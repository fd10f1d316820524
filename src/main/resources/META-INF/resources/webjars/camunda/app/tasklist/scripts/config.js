// govcloud-ops: Tasklist in simplified Chinese (English stays available to browsers that ask for it).
export default {
  // page title and header: "广州市政务云运维 任务列表"
  app: {
    name: '任务列表',
    vendor: '广州市政务云运维'
  },
  customScripts: [
    // makes the Complete button work with Camunda Forms that contain dynamic lists (see the script)
    'scripts/dynamic-list-validity.js',
    // Chinese where the locale file cannot reach: dates on every load, header, hard-coded texts, overdue dates
    'scripts/webapp-zh.js',
    // Camunda Forms (form-js) in Chinese: validation messages, date picker, placeholders
    'scripts/form-js-zh.js',
    // notifications: no "start failed" banner for a form that was never sent; a success clears older errors
    'scripts/task-notifications.js',
    // opens a case's documents from its tasks and from links in mails with the Tasklist session
    'scripts/documents.js',
    // after the login, back to the operations dashboard (/dashboard/) that sent the browser here
    'scripts/dashboard-link.js'
  ],
  locales: {
    availableLocales: ['zh', 'en'],
    // zh also as fallback: a Chinese browser then loads only zh.json (see scripts/webapp-zh.js on dates)
    fallbackLocale: 'zh'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '定位到过滤器列表的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '定位到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '定位到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
