// govcloud-ops: the deliverables register (DB4401/T 294.3 附录 D) in the browser.
//
// The data comes from /camunda/api/govcloud/deliverables with the webapps' session (the same login as Tasklist);
// without a session the page asks to log in to Tasklist first. The provider uploads a version here; the upload is a
// write, so it carries the webapps' CSRF token (X-XSRF-TOKEN, answered on every read). Times are Beijing time.
(function () {
  'use strict';

  const root = window.location.pathname.split('/deliverables')[0];
  const api = root + '/camunda/api/govcloud/deliverables';
  const zone = 'Asia/Shanghai';
  const sources = { generated: '系统生成', upload: '上传审批', live: '实时台账' };
  const levels = { ok: '正常', due: '待提交', overdue: '逾期' };
  let csrf = null;

  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === 'class') {
        e.className = v;
      } else {
        e.setAttribute(k, v);
      }
    });
    children.flat().forEach((c) => {
      if (c !== null && c !== undefined && c !== false) {
        e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
      }
    });
    return e;
  }

  function beijing(iso) {
    if (!iso) {
      return '—';
    }
    const parts = {};
    new Intl.DateTimeFormat('zh-CN', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso))
      .forEach((p) => { parts[p.type] = p.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
  }

  function version(v) {
    if (!v) {
      return null;
    }
    return h('span', null, h('a', { href: root + v.link }, v.title), ' 第 ' + v.version + ' 版 · ' + beijing(v.date)
      + ' · ' + v.approval);
  }

  async function load() {
    const app = document.getElementById('app');
    let answer;
    try {
      // the answer carries the session's CSRF token (X-XSRF-TOKEN) for the upload
      answer = await fetch(api, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch (e) {
      app.textContent = '无法连接服务器，请稍后刷新。';
      return;
    }
    csrf = answer.headers.get('X-XSRF-TOKEN') || csrf;
    if (answer.status === 401) {
      app.className = '';
      app.replaceChildren(h('p', null, '请先登录任务中心，登录后回到本页：',
        h('a', { href: root + '/camunda/app/tasklist/default/' }, '登录任务中心')));
      return;
    }
    if (!answer.ok) {
      const body = await answer.json().catch(() => ({}));
      app.className = '';
      app.textContent = body.message || ('无法读取登记册（HTTP ' + answer.status + '）');
      return;
    }
    const data = await answer.json();
    app.className = '';
    app.replaceChildren(
      h('p', { class: 'summary' }, '服务合同期 ' + data.contractFrom + ' 至 ' + data.contractTo + '；逾期 ' + data.overdue
        + ' 项，待提交 ' + data.due + ' 项，待管理方审批 ' + data.pending + ' 份。'),
      h('table', null,
        h('thead', null, h('tr', null, ['序号', '类别', '交付物', '编制方', '频次', '来源', '最新版本', '审批', '状态', '待审批或退回']
          .map((t) => h('th', null, t)))),
        h('tbody', null, data.items.map((i) => h('tr', { class: i.status },
          h('td', null, i.no), h('td', null, i.category), h('td', null, i.name), h('td', null, i.producer),
          h('td', null, i.cadenceLabel), h('td', null, i.sources.map((s) => sources[s] || s).join('、')),
          h('td', null, version(i.latest) || (i.live ? h('a', { href: root + i.live }, i.liveLabel) : '尚无'),
            i.live && i.latest ? [' · ', h('a', { href: root + i.live }, i.liveLabel)] : null),
          h('td', null, i.approval),
          h('td', null, h('span', { class: 'badge ' + i.status }, levels[i.status] || ''), ' ', i.statusLabel),
          h('td', null, i.pending ? [version(i.pending), ' （编号 ' + i.pending.uploadId + '）'] : '—'))))));
    form(data.items);
  }

  function form(items) {
    const section = document.getElementById('upload');
    const select = section.querySelector('select[name=itemNo]');
    const replaces = section.querySelector('select[name=replaces]');
    select.replaceChildren(...items.filter((i) => i.uploads).map((i) => h('option', { value: i.no },
      i.no + ' ' + i.name)));
    replaces.replaceChildren(h('option', { value: '' }, '（新文档）'), ...items
      .filter((i) => i.pending && i.pending.approval === '退回')
      .map((i) => h('option', { value: i.pending.uploadId }, '第 ' + i.no + ' 项：' + i.pending.title + ' 第 '
        + i.pending.version + ' 版（退回）')));
    section.hidden = false;
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('upload-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const f = event.target;
      const result = document.getElementById('upload-result');
      const body = new FormData(f);
      const item = body.get('itemNo');
      body.delete('itemNo');
      if (!body.get('replaces')) {
        body.delete('replaces');
      }
      result.className = '';
      result.textContent = '正在上传…';
      const answer = await fetch(api + '/' + encodeURIComponent(item) + '/documents', { method: 'POST',
        credentials: 'same-origin', headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrf || '' }, body });
      const json = await answer.json().catch(() => ({}));
      if (answer.ok) {
        result.className = 'done';
        result.textContent = '已上传：' + json.title + ' 第 ' + json.version + ' 版，已提交管理方审批。';
        f.reset();
        load();
      } else {
        result.className = 'error';
        result.textContent = (json.message || ('上传失败（HTTP ' + answer.status + '）'))
          + (json.errors && json.errors.length ? '：' + json.errors.map((e) => e.field + ' ' + e.message).join('；') : '');
      }
    });
    load();
  });
})();
