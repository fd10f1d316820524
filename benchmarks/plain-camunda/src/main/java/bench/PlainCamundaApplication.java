package bench;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * A plain Camunda 7.24 application with default settings: the ceiling the emergency start is measured against. It
 * deploys one process, {@code plain}: start, a user task with a non-interrupting 5-minute timer, end.
 */
@SpringBootApplication
public class PlainCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlainCamundaApplication.class, args);
  }

  @EventListener
  public void deploy(ApplicationReadyEvent event) {
    RepositoryService repository = event.getApplicationContext().getBean(RepositoryService.class);
    repository.createDeployment().name("plain").enableDuplicateFiltering(true)
        .addModelInstance("plain.bpmn", Bpmn.createExecutableProcess("plain").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Plain").boundaryEvent("Timer_Plain").cancelActivity(false)
            .timerWithDuration("PT5M").endEvent("End_Timer").moveToActivity("Task_Plain").endEvent("End_Plain")
            .done())
        .deploy();
  }
}
