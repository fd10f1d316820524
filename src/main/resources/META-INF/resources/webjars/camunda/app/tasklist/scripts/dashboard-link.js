// govcloud-ops: the way into the operations dashboard (运营可视化) for a browser without a session.
//
// The dashboard (/dashboard/, the big screen /dashboard/screen) reads its figures with the webapps' session. Without
// one it sends the browser here, #/dashboard (or #/dashboard?view=screen); Tasklist shows its login first, and after
// it this route opens the dashboard again. Only these two addresses: the route takes no address from the link.
const base = window.location.pathname.split('/camunda/app/')[0];

const dashboardRoute = {
  id: 'govcloud-dashboard-route',
  pluginPoint: 'tasklist.route',
  properties: { path: '/dashboard' },
  render: (node) => {
    const query = window.location.hash.split('?')[1] || '';
    const screen = new URLSearchParams(query).get('view') === 'screen';
    const target = base + '/dashboard/' + (screen ? 'screen' : '');
    const page = document.createElement('div');
    page.className = 'container';
    page.style.padding = '30px';
    const text = document.createElement('p');
    text.textContent = '正在打开运营可视化…';
    const link = document.createElement('a');
    link.href = target;
    link.textContent = screen ? '打开值班大屏' : '打开运营可视化';
    page.appendChild(text);
    page.appendChild(link);
    node.appendChild(page);
    window.location.replace(target);
  }
};

export default [dashboardRoute];
