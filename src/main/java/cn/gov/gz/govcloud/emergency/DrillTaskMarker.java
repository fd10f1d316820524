package cn.gov.gz.govcloud.emergency;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A case run in drill mode ({@code drill = true}, set by the {@code emergency-drill} call activity) shows "【演练】"
 * before the name of each of its tasks, so nobody in Tasklist mistakes it for a real emergency. Registered before
 * the task notices are parsed in, so the notice about a new task carries the mark too.
 */
@Component
class DrillTaskMarker extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    TaskListener mark = DrillTaskMarker::mark;
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, mark);
      }
    });
  }

  static void mark(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable(EmergencyVariables.DRILL)) && task.getName() != null
        && !task.getName().startsWith(Emergency.DRILL_MARK)) {
      task.setName(Emergency.DRILL_MARK + task.getName());
    }
  }
}
