package cn.gov.gz.govcloud.engine;

import cn.gov.gz.govcloud.web.ValidationException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Base of our delegates: bad input found by a service ({@link ValidationException}, or a malformed structured
 * variable) becomes a {@link BadUserRequestException}, which Tasklist shows and the REST API answers with 400, and
 * the step's transaction is rolled back, so nothing is half-written.
 */
public abstract class ProcessStep implements JavaDelegate {

  @Override
  public final void execute(DelegateExecution execution) {
    try {
      run(execution);
    } catch (ValidationException e) {
      throw new BadUserRequestException(e.errors().stream()
          .map(f -> (f.row() == null ? "" : "第 " + (f.row() + 1) + " 行 ") + f.field() + ": " + f.message())
          .collect(Collectors.joining("; ")));
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  protected abstract void run(DelegateExecution execution);

  /** The user who completed the task or started the process, or "system" for timers and integrations. */
  protected static String actor(DelegateExecution execution) {
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
  }
}
