// govcloud-ops: simplified Chinese where Admin's locale file (locales/zh.json) cannot reach.
//
// Camunda loads this file (scripts/config.js, customScripts) before it starts the AngularJS application. The file only
// registers decorators and run blocks on the module "cam.admin.custom" that Camunda creates for custom scripts, and
// each of them leaves Camunda as it is when what it expects is not there (another Camunda version).
//
// - Dates: Camunda loads two locale files, the page's language and the fallback language, and each file, when it
//   arrives, sets moment's global locale from its "dateLocales". Whichever arrives last wins, so on some loads dates
//   and relative times ("22 minutes ago") came out in English. Here only the page's own language may set it.
// - The application switcher in the header names the applications in Chinese (Camunda hard-codes English names).
// - A few texts that Camunda's templates hard-code in English are replaced in the templates.
const APP = 'admin';
const APP_NAMES = { welcome: '首页', admin: '系统管理', cockpit: '流程监控', tasklist: '任务列表' };

const angular = window.angular;

function customModule() {
  try {
    return angular && angular.module('cam.' + APP + '.custom');
  } catch (e) {
    return null;
  }
}

/** The language the page is shown in, decided as Camunda decides it (browser language, else the fallback). */
function pageLanguage(configuration) {
  const available = configuration.getAvailableLocales();
  const nav = window.navigator;
  const browser = ((Array.isArray(nav.languages) && nav.languages.length ? nav.languages[0] : nav.language ||
    nav.browserLanguage || nav.systemLanguage || nav.userLanguage) || '').split('-')[0].toLowerCase();
  return available.indexOf(browser) > -1 ? browser : configuration.getFallbackLocale();
}

/** Registers a decorator only when Camunda has that service or directive; a failing decorator changes nothing. */
function decorate($provide, providers, name, patch) {
  if (!providers.has(name)) {
    return;
  }
  $provide.decorator(name, ['$delegate', '$injector', function ($delegate, $injector) {
    try {
      return patch($delegate, $injector) || $delegate;
    } catch (e) {
      console.warn('govcloud-ops: could not adapt ' + name, e);
      return $delegate;
    }
  }]);
}

/** Replaces parts of a directive's template; by default only when the page is Chinese (hard-coded English). */
function patchTemplate($provide, providers, directive, replacements, chineseOnly = true) {
  decorate($provide, providers, directive + 'Directive', ($delegate, $injector) => {
    const ddo = $delegate[0];
    if (typeof ddo.template !== 'string' || (chineseOnly && pageLanguage($injector.get('configuration')) !== 'zh')) {
      return $delegate;
    }
    replacements.forEach(([english, chinese]) => {
      ddo.template = ddo.template.replace(english, chinese);
    });
    return $delegate;
  });
}

const ngModule = customModule();

if (ngModule) {
  ngModule.config(['$provide', '$injector', function ($provide, providers) {
    // dates: only the page's language sets moment's locale; the fallback file keeps its texts but not its dates
    decorate($provide, providers, 'localeLoader', ($delegate, $injector) => {
      const configuration = $injector.get('configuration');
      return function (options) {
        const callback = options && options.callback;
        if (typeof callback !== 'function') {
          return $delegate(options);
        }
        return $delegate(Object.assign({}, options, {
          callback(err, data, key) {
            if (!err && data && data.dateLocales && key !== pageLanguage(configuration)) {
              data = Object.assign({}, data);
              delete data.dateLocales;
            }
            return callback(err, data, key);
          }
        }));
      };
    });

    // header: the application switcher's entries in Chinese
    decorate($provide, providers, 'camWidgetHeaderDirective', ($delegate, $injector) => {
      const ddo = $delegate[0];
      const original = ddo.controller;
      if (!original || pageLanguage($injector.get('configuration')) !== 'zh') {
        return $delegate;
      }
      ddo.controller = ['$scope', '$element', '$attrs', '$transclude', function ($scope, $element, $attrs,
        $transclude) {
        $injector.invoke(original, this, { $scope, $element, $attrs, $transclude });
        $scope.$watch('apps', (apps) => {
          Object.keys(apps || {}).forEach((app) => {
            if (APP_NAMES[app] && apps[app]) {
              apps[app].label = APP_NAMES[app];
            }
          });
        });
      }];
      return $delegate;
    });

    // variables table (all applications): column header and links hard-coded in English
    // the footer names the city's zone as people say it
    patchTemplate($provide, providers, 'camWidgetFooter', [[/<i>\{\{\s*timezoneName\s*\}\}<\/i>/, "<i>{{ timezoneName === 'Asia/Shanghai' ? '北京时间' : timezoneName }}</i>"]]);
    patchTemplate($provide, providers, 'camWidgetVariablesTable', [
      [/(<td class="actions"[^>]*>)\s*Actions\s*(<\/td>)/, '$1操作$2'],
      [/(-data">)\s*Download\s*(<\/a>)/, '$1下载$2'],
      [/(TOOLTIP_UPLOAD' \| translate \}\}">)\s*Upload\s*(<\/a>)/, '$1上传$2']
    ]);
  }]);

  ngModule.run(['configuration', '$injector', function (configuration, $injector) {
    if (pageLanguage(configuration) === 'zh') {
      // lets the browser use Chinese fonts and line breaking and not offer to translate the page
      document.documentElement.setAttribute('lang', 'zh-CN');
    }

    // authorizations page: the permission picker hard-codes "Select all" / "Unselect all" in English
    if (pageLanguage(configuration) === 'zh' && $injector.has('$route')) {
      const route = $injector.get('$route').routes['/authorization'];
      if (route && typeof route.template === 'string') {
        route.template = route.template
          .replace(/(<\/button>)\s*Select all/, '$1 全选')
          .replace(/(<\/button>)\s*Unselect all/, '$1 全不选');
      }
    }
  }]);
}
