// govcloud-ops: the operations dashboard (运营可视化, P6 7.2.4) in the browser, and the duty room's big screen.
//
// /dashboard/        the dashboard: every figure opens the list behind it, each row leads on to Tasklist or Cockpit.
// /dashboard/screen  the big screen: 1920×1080 scaled to the display, refreshes itself, no controls.
//
// The figures come from /camunda/api/govcloud/dashboard with the webapps' session (the same login as Tasklist);
// without a session the browser goes through the Tasklist login and comes back (Tasklist route #/dashboard).
// Charts are Apache ECharts, served by the application itself. Times are Beijing time whatever the browser's zone.
(function () {
  'use strict';

  const root = window.location.pathname.split('/dashboard')[0];
  const api = root + '/camunda/api/govcloud/dashboard';
  const screen = /\/dashboard\/screen\/?$/.test(window.location.pathname);
  const zone = 'Asia/Shanghai';
  const charts = {};
  const colors = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#13c2c2', '#722ed1', '#faad14', '#a0d911'];
  let snapshot = null;
  let offset = 0; // server clock minus browser clock, so clocks tick in the server's (engine's) time
  let selectedKpi = 'EMERGENCY_RESPONDED_IN_TIME';
  let timer = null;

  // ---- small helpers

  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === 'class') {
        e.className = v;
      } else if (k.startsWith('on')) {
        e.addEventListener(k.substring(2), v);
      } else {
        e.setAttribute(k, v === true ? '' : v);
      }
    });
    children.flat().forEach((c) => {
      if (c !== null && c !== undefined && c !== false) {
        e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
      }
    });
    return e;
  }

  function beijing(date, withSeconds) {
    const parts = {};
    new Intl.DateTimeFormat('zh-CN', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      second: '2-digit', hourCycle: 'h23'
    }).formatToParts(date).forEach((p) => { parts[p.type] = p.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute
      + (withSeconds ? ':' + parts.second : '');
  }

  function serverNow() {
    return new Date(Date.now() + offset);
  }

  function span(ms, seconds) {
    const minutes = Math.floor(Math.max(0, ms) / 60000);
    if (minutes < 60) {
      return seconds ? minutes + ' 分 ' + String(Math.floor(Math.max(0, ms) / 1000) % 60).padStart(2, '0') + ' 秒'
        : minutes + ' 分钟';
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 24) {
      return hours + ' 小时' + (minutes % 60 ? ' ' + (minutes % 60) + ' 分' : '');
    }
    return Math.floor(hours / 24) + ' 天' + (hours % 24 ? ' ' + (hours % 24) + ' 小时' : '');
  }

  function query(ref) {
    const p = new URLSearchParams(ref.filter || {});
    return p.toString();
  }

  // ---- loading

  async function load() {
    let answer;
    try {
      answer = await fetch(api, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch (e) {
      stale('无法连接服务器，显示的是上次取得的数据。');
      return;
    }
    if (answer.status === 401) {
      window.location.replace(root + '/camunda/app/tasklist/default/#/dashboard' + (screen ? '?view=screen' : ''));
      return;
    }
    if (!answer.ok) {
      stale('数据暂时无法取得（' + answer.status + '），显示的是上次取得的数据。');
      return;
    }
    snapshot = await answer.json();
    offset = new Date(snapshot.now).getTime() - Date.now();
    render();
  }

  function stale(message) {
    const bar = document.getElementById('stale');
    if (bar) {
      bar.textContent = message;
      bar.hidden = false;
    } else {
      document.getElementById('app').textContent = message;
    }
  }

  function schedule() {
    if (timer) {
      clearInterval(timer);
    }
    const seconds = snapshot ? (screen ? snapshot.refresh.screenSeconds : snapshot.refresh.pageSeconds) : 60;
    timer = setInterval(load, Math.max(5, seconds) * 1000);
  }

  // ---- the page

  function render() {
    const s = snapshot.sections;
    const app = document.getElementById('app');
    app.className = screen ? 'screen' : 'page';
    document.body.classList.toggle('big-screen', screen);
    Object.values(charts).forEach((c) => c.dispose());
    Object.keys(charts).forEach((k) => delete charts[k]);
    app.replaceChildren(
      header(),
      h('div', { id: 'stale', class: 'stale', hidden: true }),
      tiles(s),
      h('div', { class: 'grid' },
        panel('emergencies', '应急事件', s.emergencies, emergencies, 'wide'),
        panel('work-orders', '工单', s.workOrders, workOrders),
        panel('alerts', '监控告警', s.alerts, alerts),
        panel('evaluation', '考核指标（DB4401/T 294.3 7.3.2）', s.evaluation, evaluation, 'wide'),
        panel('inspection', '本季度巡检', s.inspection, inspection),
        panel('resources', '资源使用与闲置资源', s.resources, resources),
        panel('costs', '各单位资源费用', s.costs, costs),
        panel('deliverables', '报告与交付', s.deliverables, deliverables)));
    Object.values(charts).forEach((c) => c.resize());
    fit();
    tick();
    schedule();
  }

  function header() {
    const v = snapshot.viewer;
    return h('header', { class: 'top' },
      h('h1', null, screen ? '广州市政务云运营监控大屏' : '广州市政务云运营可视化'),
      h('div', { class: 'who' },
        h('span', { class: 'scope' }, '查看范围：' + v.scope),
        screen ? null : h('span', null, v.name)),
      h('div', { class: 'clock' },
        h('span', { id: 'clock' }, beijing(serverNow(), true)), h('small', null, '（北京时间）')),
      screen ? null : h('nav', { class: 'actions' },
        h('button', { type: 'button', onclick: load }, '刷新'),
        h('a', { href: root + '/dashboard/screen', target: '_blank' }, '大屏模式'),
        h('a', { href: root + '/camunda/app/tasklist/default/' }, '任务列表'),
        v.cockpit ? h('a', { href: root + '/camunda/app/cockpit/default/' }, '流程监控') : null));
  }

  function tile(figure, extra) {
    if (!figure) {
      return null;
    }
    const attrs = { class: 'tile' + (extra && extra.level ? ' ' + extra.level : ''), title: figure.definition };
    if (figure.list && !screen) {
      attrs.class += ' clickable';
      attrs.onclick = () => openList(figure.list, figure.label);
      attrs.role = 'button';
      attrs.tabindex = '0';
    }
    return h('div', attrs,
      h('div', { class: 'tile-label' }, figure.label),
      h('div', { class: 'tile-value', 'data-figure': figure.label },
        extra && extra.text !== undefined ? extra.text : String(figure.value),
        h('small', null, extra && extra.unit !== undefined ? extra.unit : figure.unit)));
  }

  function tiles(s) {
    const list = [];
    const em = s.emergencies.data;
    const wo = s.workOrders.data;
    const al = s.alerts.data;
    if (em) {
      list.push(tile(em.open), tile(em.overdue, { level: em.overdue.value > 0 ? 'late' : 'ok' }));
    }
    if (wo) {
      list.push(tile(wo.open), tile(wo.overdue, { level: wo.overdue.value > 0 ? 'late' : 'ok' }));
    }
    if (al) {
      list.push(tile(al.open, { level: al.severe.value > 0 ? 'due' : null }));
    }
    const ins = s.inspection.data;
    if (ins) {
      const pct = ins.areas ? Math.round(ins.areasDone * 100 / ins.areas) : 0;
      list.push(tile({ label: '本季度巡检进度', value: pct, unit: '%', definition: '本季度全面巡检已完成检查的区域占全部区域的比例。',
        list: ins.list }, { text: ins.inspectionNo ? String(pct) : '未发起', unit: ins.inspectionNo ? '%' : '' }));
    }
    const res = s.resources.data;
    if (res) {
      list.push(tile(res.idle));
    }
    const c = s.costs.data;
    if (c) {
      list.push(tile({ label: '本期资源费用', value: 0, unit: '', definition: c.review, list: c.list },
        { text: c.total.replace(' 元', ''), unit: '元' }));
    }
    return h('section', { class: 'tiles' }, list);
  }

  function panel(id, title, section, body, size) {
    const content = [];
    if (section.data) {
      content.push(body(section.data, section));
    }
    if (section.note) {
      content.push(h('p', { class: section.data ? 'note' : 'closed-note' }, section.note));
    }
    return h('section', { class: 'panel ' + (size || ''), id: 'panel-' + id },
      h('h2', null, title),
      h('div', { class: 'panel-body' }, content),
      section.asOf ? h('footer', { class: 'fresh' }, '数据时间 ' + section.asOf + ' · ' + section.freshness) : null);
  }

  function chart(id, option, lists) {
    const el = h('div', { class: 'chart', id: 'chart-' + id });
    // drawn once the element is in the page
    setTimeout(() => {
      const c = echarts.init(el, screen ? 'dark' : null, { locale: 'ZH', renderer: 'canvas' });
      c.setOption(Object.assign({ backgroundColor: 'transparent', color: colors, animation: !screen }, option));
      if (lists && !screen) {
        c.on('click', (p) => {
          const ref = lists(p);
          if (ref) {
            openList(ref, p.name);
          }
        });
      }
      charts[id] = c;
    }, 0);
    return el;
  }

  function barOption(data, horizontal, stacked, valueName) {
    const category = { type: 'category', data: data.categories, axisLabel: { interval: 0, hideOverlap: true } };
    const value = { type: 'value', name: valueName === '%' ? '%' : '', minInterval: valueName === '%' ? 0 : 1 };
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, show: data.series.length > 1 },
      grid: { left: 8, right: 24, top: data.series.length > 1 ? 30 : 12, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: data.series.map((s) => ({
        name: s.name, type: 'bar', stack: stacked ? 'all' : undefined, data: s.values,
        label: { show: !stacked, position: horizontal ? 'right' : 'top' }, barMaxWidth: 36
      }))
    };
  }

  function seriesLists(data) {
    return (p) => {
      const s = data.series[p.seriesIndex];
      return s && s.lists ? s.lists[p.dataIndex] : null;
    };
  }

  // ---- panels

  function emergencies(d, section) {
    const rows = d.cases.slice(0, screen ? 8 : d.cases.length).map((c) => h('tr', {
      class: (c.late ? 'late' : '') + (screen ? '' : ' clickable'),
      onclick: screen ? null : () => openList(c.list, c.emergencyNo)
    },
      h('td', { class: 'no' }, c.emergencyNo),
      h('td', null, c.system, snapshot.viewer.allUnits ? h('div', { class: 'sub' }, c.unit) : null),
      h('td', null, h('span', { class: 'level level-' + Math.max(0, ['特别重大', '重大', '较大', '一般'].indexOf(c.severity)) },
        c.severity)),
      h('td', null, c.status),
      h('td', {
        class: 'response', 'data-due': c.respondedAt ? null : c.responseDueAt, 'data-text': c.response
      }, c.response),
      h('td', { 'data-detected': c.recoveredAt ? null : c.detectedAt }, c.recovery)));
    return h('div', { class: 'split' },
      h('div', { class: 'figures' },
        tile(d.open), tile(d.notResponded), tile(d.overdue, { level: d.overdue.value > 0 ? 'late' : 'ok' }),
        tile(d.recovered)),
      chart('emergency-levels', barOption(d.byLevel, false, true, '起'), seriesLists(d.byLevel)),
      h('div', { class: 'cases' },
        d.cases.length === 0 ? h('p', { class: 'empty' }, '当前没有未结的应急事件。') : h('table', null,
          h('thead', null, h('tr', null, ['事件编号', '业务系统', '等级', '状态', '响应时钟', '恢复'].map((t) => h('th', null, t)))),
          h('tbody', null, rows)),
        d.moreCases > 0 ? h('p', { class: 'more' }, '另有 ' + d.moreCases + ' 起未结事件，见清单。') : null,
        h('p', { class: 'note' }, d.recoveryNote)));
  }

  function workOrders(d) {
    return h('div', null,
      h('div', { class: 'figures' }, tile(d.open), tile(d.overdue, { level: d.overdue.value > 0 ? 'late' : 'ok' }),
        tile(d.dispatchOverdue, { level: d.dispatchOverdue.value > 0 ? 'late' : 'ok' }), tile(d.receivedToday)),
      chart('work-order-status', barOption(d.byStatus, false, false, '件'), seriesLists(d.byStatus)),
      chart('work-order-types', {
        tooltip: { trigger: 'item' },
        legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
        series: [{
          name: '未结工单类型', type: 'pie', radius: ['40%', '70%'], center: ['38%', '50%'],
          label: { formatter: '{b} {c}' },
          data: d.byType.categories.map((c, i) => ({ name: c, value: d.byType.series[0].values[i] }))
        }]
      }, (p) => d.byType.series[0].lists[p.dataIndex]));
  }

  function alerts(d) {
    const data = d.byProblem;
    return h('div', null,
      h('div', { class: 'figures' }, tile(d.open), tile(d.severe, { level: d.severe.value > 0 ? 'late' : 'ok' }),
        tile(d.raisedToday)),
      data.categories.length === 0 ? h('p', { class: 'empty' }, '当前没有未关闭的告警。')
        : chart('alert-problems', barOption(data, true, true, '条'), seriesLists(data)));
  }

  function inspection(d) {
    const pct = d.areas ? Math.round(d.areasDone * 1000 / d.areas) / 10 : 0;
    return h('div', null,
      h('dl', { class: 'facts' },
        h('dt', null, '季度'), h('dd', null, d.quarter),
        h('dt', null, '巡检编号'), h('dd', null, d.inspectionNo || '—'),
        h('dt', null, '状态'), h('dd', null, d.status),
        h('dt', null, '完成期限'), h('dd', null, d.due),
        h('dt', null, '已检区域'), h('dd', null, d.areasDone + ' / ' + d.areas),
        h('dt', null, '发现问题'), h('dd', null, screen ? d.findings + ' 项，未整改 ' + d.findingsOpen + ' 项'
          : h('a', { href: '#', onclick: (e) => { e.preventDefault(); openList(d.findingsList, '巡检发现的问题'); } },
            d.findings + ' 项，未整改 ' + d.findingsOpen + ' 项')),
        h('dt', null, '巡检报告'), h('dd', null, d.reportHref && !screen ? h('a', { href: d.reportHref }, '打开报告')
          : (d.reportHref ? '已归档' : '未归档')),
        h('dt', null, '进行中的专项巡检'), h('dd', null, d.specialOpen + ' 次')),
      chart('inspection-progress', {
        series: [{
          type: 'gauge', startAngle: 200, endAngle: -20, min: 0, max: 100, progress: { show: true, width: 14 },
          axisLine: { lineStyle: { width: 14 } }, axisTick: { show: false }, splitLine: { show: false },
          axisLabel: { show: false }, pointer: { show: false }, title: { offsetCenter: [0, '35%'] },
          detail: { valueAnimation: false, formatter: '{value}%', offsetCenter: [0, '0%'], fontSize: 26 },
          data: [{ value: pct, name: '已检区域' }]
        }]
      }, () => d.list),
      d.note ? h('p', { class: 'note' }, d.note) : null);
  }

  function resources(d) {
    return h('div', null,
      h('div', { class: 'figures' }, tile(d.total), tile(d.poweredOff), tile(d.idle)),
      h('p', { class: 'sub' }, '分配量：' + Object.entries(d.allocation).map(([k, v]) => k + ' ' + v).join('，')
        + '；闲置资源本期费用 ' + d.idleCost + '。'),
      d.review ? chart('utilisation', Object.assign(barOption(d.utilisation, false, false, '%'), {
        yAxis: { type: 'value', name: '平均利用率 %', max: 100 }
      })) : h('p', { class: 'empty' }, '尚无完成统计的资源优化评审，利用率待首次评审后显示。'));
  }

  function costs(d) {
    return h('div', null,
      h('p', { class: 'sub' }, '本期费用合计 ' + d.total + '，其中闲置资源 ' + d.idleCost + '；共 ' + d.units + ' 个使用单位。'),
      chart('cost-by-unit', Object.assign(barOption(d.byUnit, true, false, '元'), {
        series: d.byUnit.series.map((s) => ({ name: s.name, type: 'bar', data: s.values, barMaxWidth: 16 }))
      }), seriesLists(d.byUnit)),
      d.trend.categories.length > 1 ? chart('cost-trend', {
        tooltip: { trigger: 'axis' }, grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: d.trend.categories, axisLabel: { interval: 0, fontSize: 10 } },
        yAxis: { type: 'value', name: '元' },
        series: [{ name: '费用', type: 'line', data: d.trend.series[0].values }]
      }) : null);
  }

  function evaluation(d) {
    const figure = d.figures.find((f) => f.key === selectedKpi) || d.figures[0];
    const last = d.months.length - 1;
    // the big screen lists the rates, which its chart draws; the page every figure
    const rows = d.figures.filter((f) => !screen || f.unit === '%').map((f) => h('tr', {
      class: f.key === figure.key ? 'selected' : '',
      onclick: screen ? null : () => { selectedKpi = f.key; render(); }
    },
      h('th', { title: f.definition }, f.label),
      h('td', { class: 'num' }, screen ? f.current : h('a', {
        href: '#', title: '查看本月的统计对象', onclick: (e) => { e.preventDefault(); e.stopPropagation(); openList(f.list, f.label); }
      }, f.current)),
      h('td', { class: 'num' }, f.texts[last - 1] || '—')));
    const rates = d.figures.filter((f) => f.unit === '%').slice(0, 6);
    const option = screen ? {
      tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: d.months },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: rates.map((f) => ({ name: f.label, type: 'line', data: f.values, connectNulls: true }))
    } : {
      tooltip: { trigger: 'axis' }, grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: d.months },
      yAxis: { type: 'value', name: figure.unit, max: figure.unit === '%' ? 100 : null, min: 0 },
      series: [{ name: figure.label, type: 'line', data: figure.values, connectNulls: true, label: { show: true } }]
    };
    return h('div', { class: 'split' },
      h('table', { class: 'kpis' },
        h('thead', null, h('tr', null, h('th', null, '指标'), h('th', null, '本月'), h('th', null, '上月'))),
        h('tbody', null, rows)),
      h('div', { class: 'kpi-chart' },
        screen ? null : h('h3', null, figure.label + ' · 近 ' + d.months.length + ' 个月'),
        chart('kpi-trend', option),
        screen ? null : h('p', { class: 'definition' }, '口径：' + figure.definition),
        h('p', { class: 'note' }, d.note)));
  }

  function deliverables(d) {
    const level = { ok: '正常', due: '待办', late: '逾期' };
    const order = { late: 0, due: 1, ok: 2 };
    // the big screen shows what needs doing first
    const items = screen ? d.items.slice().sort((a, b) => order[a.level] - order[b.level]) : d.items;
    return h('div', { class: 'split' },
      h('table', { class: 'deliverables' },
        h('thead', null, h('tr', null, ['报告', '期间或对象', '时限', '状态', ''].map((t) => h('th', null, t)))),
        h('tbody', null, items.map((i) => h('tr', { class: i.level },
          h('td', null, i.name), h('td', null, i.period), h('td', null, i.due),
          h('td', null, h('span', { class: 'badge ' + i.level }, level[i.level] || ''), ' ', i.status),
          h('td', null, screen ? null : [
            i.href ? h('a', { href: i.href }, '打开') : null, ' ',
            i.list ? h('a', { href: '#', onclick: (e) => { e.preventDefault(); openList(i.list, i.name); } }, '清单') : null
          ]))))),
      screen ? null : h('div', { class: 'recent' },
        h('h3', null, '最新文档'),
        d.recent.length === 0 ? h('p', { class: 'empty' }, '暂无文档。') : h('ul', null, d.recent.map((doc) => h('li', null,
          h('a', { href: doc.href }, doc.title), h('span', { class: 'sub' }, ' ' + doc.kind + ' · 第 ' + doc.version + ' 版 · '
            + doc.created)))),
        h('p', { class: 'note' }, d.note)));
  }

  // ---- the list behind a figure

  async function openList(ref, label, page) {
    if (!ref || screen) {
      return;
    }
    const q = new URLSearchParams(ref.filter || {});
    q.set('page', page || 0);
    const overlay = document.getElementById('overlay') || document.body.appendChild(h('div', { id: 'overlay' }));
    overlay.replaceChildren(h('div', { class: 'dialog' }, h('p', null, '正在加载“' + (label || '') + '”的清单…')));
    overlay.hidden = false;
    const answer = await fetch(api + '/lists/' + encodeURIComponent(ref.kind) + '?' + q.toString(),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (answer.status === 401) {
      window.location.replace(root + '/camunda/app/tasklist/default/#/dashboard');
      return;
    }
    if (!answer.ok) {
      const body = await answer.json().catch(() => ({}));
      overlay.replaceChildren(dialog('无法打开清单', h('p', null, body.message || ('错误 ' + answer.status))));
      return;
    }
    const l = await answer.json();
    const pages = Math.max(1, Math.ceil(l.total / l.size));
    overlay.replaceChildren(dialog(l.title,
      h('p', { class: 'definition' }, '口径：' + l.definition),
      h('p', { class: 'sub' }, '共 ' + l.total + ' 条 · 数据时间 ' + l.asOf + '（北京时间）'),
      l.rows.length === 0 ? h('p', { class: 'empty' }, '没有符合条件的记录。') : h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
        h('thead', null, h('tr', null, l.columns.map((c) => h('th', null, c.label)), h('th', null, '办理与查看'))),
        h('tbody', null, l.rows.map((r) => h('tr', null,
          l.columns.map((c) => h('td', null, r.cells[c.key] === undefined ? '' : r.cells[c.key])),
          h('td', { class: 'links' }, r.links.map((k) => h('a', { href: k.href, target: '_blank', rel: 'noopener' }, k.label)))))))),
      pages > 1 ? h('div', { class: 'pager' },
        h('button', { type: 'button', disabled: l.page === 0, onclick: () => openList(ref, label, l.page - 1) }, '上一页'),
        h('span', null, '第 ' + (l.page + 1) + ' / ' + pages + ' 页'),
        h('button', { type: 'button', disabled: l.page + 1 >= pages, onclick: () => openList(ref, label, l.page + 1) }, '下一页'))
        : null));
  }

  function dialog(title, ...body) {
    const close = () => { document.getElementById('overlay').hidden = true; };
    return h('div', { class: 'dialog', role: 'dialog', 'aria-label': title },
      h('div', { class: 'dialog-head' }, h('h2', null, title), h('button', { type: 'button', class: 'close', onclick: close }, '关闭')),
      body);
  }

  // ---- clocks

  function tick() {
    const now = serverNow();
    const clock = document.getElementById('clock');
    if (clock) {
      clock.textContent = beijing(now, true);
    }
    document.querySelectorAll('td[data-due]').forEach((td) => {
      const due = new Date(td.getAttribute('data-due'));
      const left = due.getTime() - now.getTime();
      td.textContent = left >= 0 ? '剩余 ' + span(left, true) + '（' + beijing(due, false).substring(11) + ' 前）'
        : '已超时 ' + span(-left, true) + '未响应';
      td.parentElement.classList.toggle('late', left < 0);
    });
    document.querySelectorAll('td[data-detected]').forEach((td) => {
      td.textContent = '未恢复，距发现 ' + span(now.getTime() - new Date(td.getAttribute('data-detected')).getTime());
    });
  }

  /** The big screen is laid out for 1920×1080 and scaled to the display. */
  function fit() {
    const app = document.getElementById('app');
    if (!screen) {
      app.style.transform = '';
      return;
    }
    const scale = Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
    app.style.transform = 'scale(' + scale + ')';
  }

  window.addEventListener('resize', () => {
    fit();
    Object.values(charts).forEach((c) => c.resize());
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.getElementById('overlay')) {
      document.getElementById('overlay').hidden = true;
    }
  });
  setInterval(tick, 1000);
  load();
})();
