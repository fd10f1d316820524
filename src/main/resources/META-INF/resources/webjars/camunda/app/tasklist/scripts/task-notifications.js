// govcloud-ops: Tasklist's notifications.
//
// (a) When a Camunda Form fails its own validation on 发起 (start form) or 完成 (task form), nothing is sent: form-js
//     marks the fields, Tasklist's completion handler throws form-js's error list and Tasklist then shows its red
//     banner "流程发起失败。" / "提交任务表单时发生错误" with no detail (cam-tasklist-process-start-modal.js and
//     cam-tasklist-task.js), as if the server had refused. No setting or translation changes that. This script leaves
//     that banner out when the form shows validation errors and no submission request went out since the user's last
//     click or key press; the marked fields say what to correct, and the first one is scrolled into view.
// (b) An error notification stays until it is closed, also after a later success. When a success notification
//     appears (Tasklist adds its confirmations as type "info"), earlier error notifications are removed.
// (c) After a start, people need the number they will quote on the phone: Tasklist says only "流程已启动". The
//     answer of the start request carries the process's business key, which every process sets to its case number
//     (EM…, WO…, RA…); the confirmation then says it and stays longer.
const angular = window.angular;

// requests that submit a form (start form, task form, generic form)
const SUBMISSION = /\/(submit-form|complete)(\?|$)/;

// requests that start a process from its start form
const START = /\/process-definition\/(key\/)?[^/]+\/submit-form(\?|$)/;

let lastUserAction = 0;
let lastSubmission = -Infinity;
// the business key of the process instance the last start answered, and when
let lastStarted = null;

document.addEventListener('click', () => {
  lastUserAction = performance.now();
}, true);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    lastUserAction = performance.now();
  }
}, true);

function noteRequest(method, url) {
  if (/^post$/i.test(method || '') && SUBMISSION.test(String(url || '').split('#')[0])) {
    lastSubmission = performance.now();
  }
}

function noteStart(xhr, method, url) {
  if (!/^post$/i.test(method || '') || !START.test(String(url || '').split('#')[0])) {
    return;
  }
  xhr.addEventListener('load', () => {
    if (xhr.status >= 200 && xhr.status < 300) {
      try {
        const instance = JSON.parse(xhr.responseText);
        lastStarted = instance && instance.businessKey ? { key: instance.businessKey, at: performance.now() } : null;
      } catch (e) {
        lastStarted = null;
      }
    }
  });
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  noteRequest(method, url);
  noteStart(this, method, url);
  return open.apply(this, arguments);
};
if (typeof window.fetch === 'function') {
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    noteRequest((init && init.method) || (input && input.method) || 'GET', input && input.url ? input.url : input);
    return fetch.apply(window, arguments);
  };
}

/** Validation errors form-js shows in the Camunda Forms on the page (start dialog or task). */
function shownFormErrors() {
  return Array.from(document.querySelectorAll('[cam-tasklist-form-camunda] .fjs-form-field-error'))
    .filter((error) => error.textContent.trim() !== '' && error.getClientRects().length > 0);
}

function revealFirstError(errors) {
  const field = errors[0] && errors[0].closest('.fjs-form-field');
  if (field && typeof field.scrollIntoView === 'function') {
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}

function isError(notification) {
  return notification && (notification.type === 'danger' || notification.type === 'error');
}

function isSuccess(notification) {
  return notification && (notification.type === 'success' || notification.type === 'info');
}

function remove(service, notification) {
  const index = service.notifications.indexOf(notification);
  if (index > -1) {
    service.notifications.splice(index, 1);
  }
  service.consumers.forEach((consumer) => consumer.remove(notification));
}

let customModule = null;
try {
  customModule = angular && angular.module('cam.tasklist.custom');
} catch (e) {
  customModule = null;
}

if (customModule) {
  customModule.config(['$provide', '$injector', function ($provide, providers) {
    if (!providers.has('Notifications')) {
      return;
    }
    $provide.decorator('Notifications', ['$delegate', '$injector', function (service, $injector) {
      const add = service.add;
      if (typeof add !== 'function' || !Array.isArray(service.notifications) || !Array.isArray(service.consumers)) {
        return service;
      }

      // the banner Tasklist shows for a start or completion that failed without a message from the server
      function isUnsentFormFailure(notification) {
        if (!isError(notification) || notification.message || lastSubmission > lastUserAction) {
          return false;
        }
        const $translate = $injector.get('$translate');
        return ['PROCESS_START_ERROR', 'COMPLETE_ERROR'].some((key) => notification.status === $translate.instant(key));
      }

      function isStartConfirmation(notification) {
        return isSuccess(notification) && notification.status === $injector.get('$translate').instant('PROCESS_START_OK');
      }

      service.add = function (notification) {
        if (isStartConfirmation(notification) && lastStarted && performance.now() - lastStarted.at < 10000) {
          notification.status = '已发起，编号 ' + lastStarted.key;
          notification.message = '请记下编号，查询进度或与服务台沟通时使用。';
          notification.duration = 15000;
          lastStarted = null;
        }
        if (isSuccess(notification)) {
          service.notifications.filter(isError).forEach((error) => remove(service, error));
        }
        if (isUnsentFormFailure(notification)) {
          const errors = shownFormErrors();
          if (errors.length) {
            revealFirstError(errors);
            return undefined;
          }
          // form-js may draw its marks a moment later: show the banner, look again and take it back then
          const result = add.apply(service, arguments);
          $injector.get('$timeout')(() => {
            const later = shownFormErrors();
            if (later.length && lastSubmission < lastUserAction) {
              remove(service, notification);
              revealFirstError(later);
            }
          }, 300);
          return result;
        }
        return add.apply(service, arguments);
      };
      return service;
    }]);
  }]);
}
