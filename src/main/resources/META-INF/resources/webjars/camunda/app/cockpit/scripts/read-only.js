// govcloud-ops: Cockpit for read-only users.
//
// Members of the Camunda group "supervisor" (监理方) read everything they are shown in Cockpit and change nothing:
// their authorizations grant reading only, so the engine refuses every change they would try. So that they are not
// offered buttons that can only fail, the page gets the class "govcloud-read-only" on <body> when the logged-in user
// is in that group and in no group that may change something in Cockpit; styles/user-styles.css then hides the write
// controls (edit and delete variables, cancel, suspend and activate instances and definitions, retry jobs, job
// priorities and due dates, task assignees and identity links, annotations, deployments, batches).
// This only tidies the page: the authorizations, checked by the engine, are what protects the data.
const READ_ONLY_GROUPS = ['supervisor'];
// groups whose members may not change anything in Cockpit (security/AccessSeeder grants them reading only there);
// a user in any other group (camunda-admin, ops-manager, ...) keeps the controls and the engine decides
const NO_COCKPIT_WRITES = ['supervisor', 'management', 'service-desk', 'ops-engineer', 'ops-operator', 'unit-user'];
const UNIT_GROUP_PREFIX = 'unit-';
const CSS_CLASS = 'govcloud-read-only';

const base = document.querySelector('base');
const appRoot = (base && base.getAttribute('app-root')) || '';
const adminApi = (base && base.getAttribute('admin-api')) || appRoot + '/api/admin/';
const engineApi = (base && base.getAttribute('engine-api')) || appRoot + '/api/engine/';

function engineName() {
  const match = window.location.pathname.match(/\/app\/cockpit\/([^/]+)/);
  return match ? decodeURIComponent(match[1]) : 'default';
}

function csrfToken() {
  const name = (window.camCockpitConf && window.camCockpitConf.csrfCookieName) || 'XSRF-TOKEN';
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.indexOf(name + '=') === 0);
  return cookie ? decodeURIComponent(cookie.substring(name.length + 1)) : null;
}

async function getJson(url) {
  const headers = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  const response = await fetch(url, { credentials: 'same-origin', headers });
  return response.ok ? response.json() : null;
}

function isReadOnly(groupIds) {
  return groupIds.some((id) => READ_ONLY_GROUPS.indexOf(id) > -1) &&
    groupIds.every((id) => NO_COCKPIT_WRITES.indexOf(id) > -1 || id.indexOf(UNIT_GROUP_PREFIX) === 0);
}

function setReadOnly(readOnly) {
  if (document.body) {
    document.body.classList.toggle(CSS_CLASS, readOnly);
  }
}

let check = 0;

/** Looks up the logged-in user's groups (userId when known, else asked from the server) and sets the class. */
async function refresh(userId) {
  const current = ++check;
  try {
    const engine = encodeURIComponent(engineName());
    if (!userId) {
      const user = await getJson(adminApi + 'auth/user/' + engine);
      userId = user && user.userId;
    }
    let readOnly = false;
    if (userId) {
      const groups = await getJson(engineApi + 'engine/' + engine + '/group?member=' + encodeURIComponent(userId));
      readOnly = Array.isArray(groups) && isReadOnly(groups.map((group) => group.id));
    }
    if (current === check) {
      setReadOnly(readOnly);
    }
  } catch (e) {
    if (current === check) {
      setReadOnly(false);
    }
  }
}

// again on every log-in and log-out (Camunda broadcasts "authentication.changed")
let customModule = null;
try {
  customModule = window.angular && window.angular.module('cam.cockpit.custom');
} catch (e) {
  customModule = null;
}
if (customModule) {
  customModule.run(['$rootScope', function ($rootScope) {
    $rootScope.$on('authentication.changed', (event, authentication) => {
      if (authentication && authentication.name) {
        refresh(authentication.name);
      } else {
        check++;
        setReadOnly(false);
      }
    });
  }]);
}

refresh();
