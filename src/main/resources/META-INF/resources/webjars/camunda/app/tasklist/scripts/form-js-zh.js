// govcloud-ops: Camunda Forms (form-js 1.8 inside Tasklist 7.24) in simplified Chinese.
//
// form-js has no translations: its validation messages, placeholders, the date picker (flatpickr) and a few buttons
// are English. This script
// - gives flatpickr a Chinese locale before any form exists, so every date picker, also those created later, has
//   Chinese month and weekday names (and a picker that was created English anyway is switched when it is seen);
// - watches the element of each Camunda Form (the directive cam-tasklist-form-camunda) and translates the texts
//   form-js writes there. It changes only texts and placeholder / aria-label / title attributes that form-js itself
//   produces, found by form-js's class names; it never reads or writes a field's value, nor labels, options or
//   texts that come from the form definition or the process data.
// The validation messages are the exact strings of form-js 1.8.7 (bundled in Camunda's lib/deps.js).
const angular = window.angular;

// --- flatpickr --------------------------------------------------------------------------------------------------

const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时制',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => ''
};

function isChinese() {
  // the same decision as Camunda's: the browser's language if Tasklist offers it, else the fallback (config.js)
  const conf = window.camTasklistConf || {};
  const locales = conf.locales || {};
  const available = locales.availableLocales || ['en'];
  const nav = window.navigator;
  const browser = ((Array.isArray(nav.languages) && nav.languages.length ? nav.languages[0] : nav.language) || '')
    .split('-')[0].toLowerCase();
  return (available.indexOf(browser) > -1 ? browser : locales.fallbackLocale || 'en') === 'zh';
}

let flatpickrLocalized = false;

function localizeFlatpickr() {
  const flatpickr = window.flatpickr;
  if (flatpickrLocalized || !flatpickr || typeof flatpickr.localize !== 'function') {
    return;
  }
  // default locale of every picker created from now on
  flatpickr.localize(FLATPICKR_ZH);
  if (typeof flatpickr.setDefaults === 'function') {
    flatpickr.setDefaults({ ariaDateFormat: 'Y年n月j日' });
  }
  flatpickrLocalized = true;
}

/** A picker that exists already with English texts: Chinese texts without touching its input or selected date. */
function localizePicker(picker) {
  if (!picker || !picker.l10n || picker.l10n.months.longhand[0] === FLATPICKR_ZH.months.longhand[0]) {
    return;
  }
  Object.assign(picker.l10n, FLATPICKR_ZH);
  if (picker.weekdayContainer) {
    const names = FLATPICKR_ZH.weekdays.shorthand.slice();
    const first = picker.config.firstDayOfWeek || 0;
    const ordered = names.slice(first).concat(names.slice(0, first));
    picker.weekdayContainer.querySelectorAll('.flatpickr-weekday').forEach((cell, i) => {
      cell.textContent = ordered[i % 7];
    });
  }
  if (typeof picker.redraw === 'function') {
    picker.redraw();
  }
}

// --- texts form-js produces -------------------------------------------------------------------------------------

const MESSAGES = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮箱地址。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '请输入有效的国际格式电话号码（例如 +862012345678）。',
  'Value is not a number.': '请输入数字。',
  'Value is expected to be an integer.': '请输入整数。',
  'Date and time must both be entered.': '日期和时间须同时填写。'
};

const MESSAGE_PATTERNS = [
  [/^Field must have minimum length of (.+)\.$/, (m) => `长度不能少于 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `长度不能超过 ${m[1]} 个字符。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `数值不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `数值不能大于 ${m[1]}。`],
  [/^Field must match pattern ([\s\S]*)\.$/, (m) => `格式不正确（须符合 ${m[1]}）。`],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请输入有效值，最接近的有效值为 ${m[1]} 和 ${m[2]}。`]
];

// texts of form-js's own elements, by the element that holds them
const ELEMENT_TEXTS = [
  ['.fjs-select-display.fjs-select-placeholder', { Select: '请选择' }],
  ['.fjs-dropdownlist-empty', { 'No results': '无匹配项', 'All values selected': '已全部选择' }],
  ['.fjs-skip-link', { 'Skip to search': '跳至搜索' }],
  ['.fjs-table-middle-container.fjs-table-empty', { 'Nothing to show.': '暂无数据。' }],
  ['.fjs-table-body td[colspan]', { 'Nothing to show.': '暂无数据。' }],
  ['.fjs-table-nav-label', { of: '/' }],
  ['.fjs-repeat-render-add', { 'Add new': '添加一项' }],
  ['.fjs-repeat-render-collapse', { Collapse: '收起' }]
];
const ELEMENT_PATTERNS = [
  ['.fjs-repeat-render-collapse', /^Expand all \((\d+)\)$/, (m) => `全部展开（${m[1]}）`]
];

// attributes of form-js's own elements: [element, attribute, exact texts, patterns]
const ATTRIBUTE_TEXTS = [
  ['.fjs-form-field-select input.fjs-input', 'placeholder', { Search: '搜索' }, []],
  ['input.fjs-taglist-input', 'placeholder', { Search: '搜索' }, []],
  ['.fjs-timepicker input', 'placeholder', { 'hh:mm': '时:分', 'hh:mm ?m': '时:分 AM/PM' }, []],
  ['.fjs-taglist-tag-remove', 'title', { 'Remove tag': '移除' }, []],
  ['.fjs-number-arrow-up', 'aria-label', { Increment: '增加' }, []],
  ['.fjs-number-arrow-down', 'aria-label', { Decrement: '减少' }, []],
  ['.fjs-table-nav-button', 'aria-label', { 'Previous page': '上一页', 'Next page': '下一页' }, []],
  ['.fjs-repeat-row-remove', 'aria-label', {}, [[/^Remove list item (\d+)$/, (m) => `删除第 ${m[1]} 项`]]],
  ['.fjs-table-th', 'aria-label', { 'Click to remove sorting': '点击取消排序' }, [
    [/^Click to sort by (.+) ascending$/, (m) => `点击按“${m[1]}”升序排列`],
    [/^Click to sort by (.+) descending$/, (m) => `点击按“${m[1]}”降序排列`]
  ]],
  // the date field's placeholder follows the browser's date format, e.g. "mm/dd/yyyy" or "yyyy/mm/dd"
  ['.fjs-datepicker input', 'placeholder', {}, [
    [/^(?=.*yyyy)(?=.*mm)(?=.*dd)[ymd./\-\s]+$/,
      (m) => m[0].replace('yyyy', '年').replace('mm', '月').replace('dd', '日')]
  ]]
];
const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

function translated(text, exact, patterns) {
  const key = text.trim();
  if (Object.prototype.hasOwnProperty.call(exact, key)) {
    return text.replace(key, exact[key]);
  }
  for (const [pattern, make] of patterns) {
    const m = key.match(pattern);
    if (m) {
      return text.replace(key, make(m));
    }
  }
  return null;
}

/** Translates the text nodes directly inside an element (form-js writes its texts there). */
function translateOwnText(element, exact, patterns) {
  element.childNodes.forEach((node) => {
    if (node.nodeType === Node.TEXT_NODE && node.data.trim()) {
      const chinese = translated(node.data, exact, patterns);
      if (chinese !== null && chinese !== node.data) {
        node.data = chinese;
      }
    }
  });
}

function translateAttribute(element, name, exact, patterns) {
  const value = element.getAttribute(name);
  if (!value) {
    return;
  }
  const chinese = translated(value, exact, patterns);
  if (chinese !== null && chinese !== value) {
    element.setAttribute(name, chinese);
  }
}

function queryAll(root, selector) {
  const found = Array.from(root.querySelectorAll(selector));
  if (root.matches && root.matches(selector)) {
    found.push(root);
  }
  return found;
}

/** Translates form-js's texts in root (an element of a Camunda Form). */
function translateForm(root) {
  queryAll(root, '.fjs-form-field-error li').forEach((li) => translateOwnText(li, MESSAGES, MESSAGE_PATTERNS));
  ELEMENT_TEXTS.forEach(([selector, texts]) => {
    queryAll(root, selector).forEach((element) => translateOwnText(element, texts, []));
  });
  ELEMENT_PATTERNS.forEach(([selector, pattern, make]) => {
    queryAll(root, selector).forEach((element) => translateOwnText(element, {}, [[pattern, make]]));
  });
  ATTRIBUTE_TEXTS.forEach(([selector, name, exact, patterns]) => {
    queryAll(root, selector).forEach((element) => translateAttribute(element, name, exact, patterns));
  });
  queryAll(root, '.flatpickr-input').forEach((input) => localizePicker(input._flatpickr));
}

/** Keeps the texts of one Camunda Form in Chinese while it is shown. */
function watchForm(element) {
  translateForm(element);
  let changed = null;
  const observer = new MutationObserver((mutations) => {
    const schedule = changed === null;
    changed = changed || new Set();
    mutations.forEach((mutation) => {
      const target = mutation.type === 'characterData' ? mutation.target.parentElement : mutation.target;
      if (target) {
        changed.add(target);
      }
    });
    if (schedule) {
      // one pass per frame over the elements that changed (form-js renders again on every keystroke)
      window.requestAnimationFrame(() => {
        const roots = changed;
        changed = null;
        roots.forEach((root) => {
          if (root.isConnected) {
            translateForm(root);
          }
        });
      });
    }
  });
  observer.observe(element, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
  return observer;
}

// --- wiring -----------------------------------------------------------------------------------------------------

if (isChinese()) {
  localizeFlatpickr();

  let customModule = null;
  try {
    customModule = angular && angular.module('cam.tasklist.custom');
  } catch (e) {
    customModule = null;
  }

  if (customModule) {
    customModule.config(['$provide', '$injector', function ($provide, providers) {
      if (!providers.has('camTasklistFormCamundaDirective')) {
        return;
      }
      // every Camunda Form is rendered by this directive into its element: watch that element while it lives
      $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', function ($delegate) {
        const ddo = $delegate[0];
        const compile = ddo.compile;
        if (typeof compile !== 'function') {
          return $delegate;
        }
        ddo.compile = function () {
          const linked = compile.apply(this, arguments);
          const pre = linked && typeof linked === 'object' ? linked.pre : undefined;
          const post = typeof linked === 'function' ? linked : linked && linked.post;
          return {
            pre,
            post(scope, element) {
              if (post) {
                post.apply(this, arguments);
              }
              localizeFlatpickr();
              const observer = watchForm(element[0]);
              scope.$on('$destroy', () => observer.disconnect());
            }
          };
        };
        return $delegate;
      }]);
    }]);
  }
}
