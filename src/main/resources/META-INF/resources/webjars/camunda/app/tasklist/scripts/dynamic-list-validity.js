// govcloud-ops: Camunda Forms with dynamic lists (e.g. the inspection checklist) in Tasklist 7.24.
//
// When a field inside a dynamic list changes, form-js records "no error" for that list row as an empty entry in its
// error map, and Tasklist counts the entries, so the Complete button stays disabled although nothing is wrong.
// This script lets the button follow the errors the form actually shows. Nothing is weakened: on Complete, Tasklist
// validates the whole form again and refuses to submit when any field is invalid, and our delegates check the data.
const FORM = '[cam-tasklist-form]';
const SHOWN_ERROR = '.fjs-form-field-error';

function showsErrors(element) {
  return Array.from(element.querySelectorAll(SHOWN_ERROR)).some((e) => e.textContent.trim() !== '');
}

function patch() {
  const angular = window.angular;
  if (!angular) {
    return;
  }
  document.querySelectorAll(FORM).forEach((element) => {
    const controller = angular.element(element).controller('camTasklistForm');
    if (!controller || controller.govcloudValidityPatched || !controller.notifyFormValidated) {
      return;
    }
    const notify = controller.notifyFormValidated;
    controller.notifyFormValidated = function (invalid) {
      if (invalid && element.querySelector('.fjs-container') && !showsErrors(element)) {
        // the form-js error map only holds empty list entries: look again once the form has rendered
        setTimeout(() => notify.call(controller, showsErrors(element)), 0);
        return notify.call(controller, false);
      }
      return notify.call(controller, invalid);
    };
    controller.govcloudValidityPatched = true;
  });
}

setInterval(patch, 250);
