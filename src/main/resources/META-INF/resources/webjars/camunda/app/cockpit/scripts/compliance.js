// govcloud-ops: the compliance matrix (标准条款合规矩阵) from Cockpit.
//
// 1. A "合规矩阵" entry in Cockpit's navigation.
// 2. The page #/compliance: where the entry leads, and where a person who opened the matrix's address without a
//    session lands after the Cockpit login. It opens the read-only page /camunda/api/govcloud/compliance, rendered by
//    the server with the Cockpit session (ComplianceController), in place of itself.
const root = window.location.pathname.split('/app/')[0];
const page = root + '/api/govcloud/compliance';

const navigation = {
  id: 'govcloud-compliance-navigation',
  pluginPoint: 'cockpit.navigation',
  priority: -10,
  properties: {
    pagePath: '#/compliance',
    label: '合规矩阵',
    checkActive: (path) => path.indexOf('#/compliance') > -1
  }
};

const route = {
  id: 'govcloud-compliance-page',
  pluginPoint: 'cockpit.route',
  properties: { path: '/compliance' },
  render: (node) => {
    const box = document.createElement('div');
    box.className = 'container';
    box.style.padding = '30px';
    const text = document.createElement('p');
    text.textContent = '正在打开标准条款合规矩阵；如未打开，请点击：';
    const link = document.createElement('a');
    link.href = page;
    link.textContent = '标准条款合规矩阵';
    box.appendChild(text);
    box.appendChild(link);
    node.appendChild(box);
    window.location.replace(page);
  }
};

export default [navigation, route];
