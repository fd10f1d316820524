package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.web.ValidationException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Base of the work order's delegates: bad input found by the service becomes a {@link BadUserRequestException}, which
 * Tasklist shows and the REST API answers with 400, and the step's transaction is rolled back.
 */
abstract class WorkOrderStep implements JavaDelegate {

  @Override
  public final void execute(DelegateExecution execution) {
    try {
      run(execution);
    } catch (ValidationException e) {
      throw new BadUserRequestException(e.errors().stream()
          .map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
    }
  }

  abstract void run(DelegateExecution execution);

  /** The user who completed the task or started the process, or "system" for timers and integrations. */
  static String actor(DelegateExecution execution) {
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
  }
}
