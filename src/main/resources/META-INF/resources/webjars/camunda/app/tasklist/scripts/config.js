// govcloud-ops: Tasklist in simplified Chinese by default for Chinese browsers, English still available.
export default {
  // makes the Complete button work with Camunda Forms that contain dynamic lists; opens a case's documents from its
  // tasks and from links in mails with the Tasklist session (see the scripts)
  customScripts: ['scripts/dynamic-list-validity.js', 'scripts/documents.js'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
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
