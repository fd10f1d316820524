package cn.gov.gz.govcloud.engine;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that the system makes on its own behalf (creating a unit's group when a manager registers the
 * unit) without the caller's authorization checks, inside the current transaction.
 */
@Component
public class Privileged {

  private final ProcessEngine engine;

  public Privileged(ProcessEngine engine) {
    this.engine = engine;
  }

  public <T> T run(Callable<T> work) {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return config.getCommandExecutorTxRequired().execute(ctx -> ctx.runWithoutAuthorization(work));
  }
}
