// govcloud-ops: documents in Tasklist, opened with the Tasklist session (no second login).
//
// 1. On every task whose case has archived documents (the service report draft under review, the emergency response
//    report at the plan review, the drill report, the optimisation reports, an uploaded deliverable at its approval),
//    the task's action bar shows one button per document: one click downloads it
//    (GET /camunda/api/govcloud/documents/{id}/content).
// 2. The page #/document/{id}: where a link in a mail leads a person who is not logged in, after the login. It names
//    the document and downloads it.
const root = window.location.pathname.split('/app/')[0];
const api = root + '/api/govcloud';

function taskId() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

function text(tag, className, content) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  e.textContent = content;
  return e;
}

function documentButton(d) {
  const a = document.createElement('a');
  a.className = 'btn btn-default btn-sm govcloud-document';
  a.href = d.url;
  a.setAttribute('download', d.fileName);
  a.title = '下载并打开：' + d.fileName;
  const icon = document.createElement('span');
  icon.className = 'glyphicon glyphicon-file';
  a.appendChild(icon);
  a.appendChild(document.createTextNode(' ' + d.title + '（第 ' + d.version + ' 版）'));
  return a;
}

async function listDocuments(node, id) {
  node.replaceChildren();
  if (!id) {
    return;
  }
  const answer = await fetch(api + '/tasks/' + encodeURIComponent(id) + '/documents',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!answer.ok || id !== taskId()) {
    return;
  }
  const documents = await answer.json();
  if (documents.length === 0) {
    return;
  }
  const bar = document.createElement('span');
  bar.className = 'govcloud-documents';
  bar.appendChild(text('span', 'govcloud-documents-label', '相关文档：'));
  documents.forEach((d) => bar.appendChild(documentButton(d)));
  node.appendChild(bar);
}

const taskDocuments = {
  id: 'govcloud-task-documents',
  pluginPoint: 'tasklist.task.action',
  priority: 200,
  render: (node) => {
    let shown = null;
    const update = () => {
      const id = taskId();
      if (id !== shown) {
        shown = id;
        listDocuments(node, id).catch(() => node.replaceChildren());
      }
    };
    taskDocuments.listener = update;
    window.addEventListener('hashchange', update);
    update();
  },
  unmount: () => {
    if (taskDocuments.listener) {
      window.removeEventListener('hashchange', taskDocuments.listener);
    }
  }
};

const documentPage = {
  id: 'govcloud-document-page',
  pluginPoint: 'tasklist.route',
  properties: { path: '/document/:id' },
  render: async (node) => {
    const id = (window.location.hash.match(/#\/document\/(\d+)/) || [])[1];
    const page = document.createElement('div');
    page.className = 'container govcloud-document-page';
    page.style.padding = '30px';
    node.appendChild(page);
    if (!id) {
      page.appendChild(text('p', 'alert alert-warning', '链接不完整：缺少文档编号。'));
      return;
    }
    const answer = await fetch(api + '/documents/' + id,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!answer.ok) {
      page.appendChild(text('p', 'alert alert-warning', answer.status === 404
        ? '文档不存在，或您无权查看（使用单位人员只能查看本单位的文档）。' : '文档暂时无法打开，请稍后再试。'));
      return;
    }
    const d = await answer.json();
    page.appendChild(text('h3', null, d.title));
    page.appendChild(text('p', 'text-muted', '第 ' + d.version + ' 版 · ' + d.fileName));
    page.appendChild(text('p', null, '文档已开始下载；如未开始，请点击：'));
    page.appendChild(documentButton(d));
    page.appendChild(text('p', null, ''));
    const back = document.createElement('a');
    back.href = '#/';
    back.textContent = '返回任务列表';
    page.appendChild(back);
    window.location.assign(d.url);
  }
};

export default [taskDocuments, documentPage];
