package cn.gov.gz.govcloud.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every task tells its case apart and shows what its people need to decide (issue 19). When a user task is created,
 * the {@link CaseView} of its process gives the case's label, which is appended to the task's name ("响应应急事件｜EM…
 * 特别重大 交通调度平台（市交通运输局）", so seven "响应应急事件" in a list read as seven different fires), and the
 * summary and timeline its form shows ({@code {{caseSummary}}}, {@code {{caseTimeline}}}, task-local variables, fresh
 * at every task). A process without a view gets its business key (every process sets it to its case number). The
 * diagrams keep their plain names; the name is set before any notice about the task is written.
 */
@Component
public class CaseViews extends AbstractProcessEnginePlugin {

  /** Task variable: the case summary for the task's form (Markdown). */
  public static final String CASE_SUMMARY = "caseSummary";
  /** Task variable: the case's recent timeline for the task's form (Markdown), newest last. */
  public static final String CASE_TIMELINE = "caseTimeline";
  /** Longest text a string variable holds (the engine's column is 4000). */
  public static final int MAX_TEXT = 3900;
  static final String SEPARATOR = "｜";
  static final int MAX_NAME = 250;

  private final ObjectProvider<CaseView> views;

  public CaseViews(ObjectProvider<CaseView> views) {
    this.views = views;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    TaskListener show = this::show;
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, show);
      }
    });
  }

  void show(DelegateTask task) {
    String key = task instanceof TaskEntity t && t.getProcessDefinition() != null ? t.getProcessDefinition().getKey()
        : null;
    List<CaseView> mine = key == null ? List.of() : views.orderedStream().filter(v -> v.handles(key)).toList();
    CaseView.View view = mine.isEmpty() ? null : mine.get(0).view(task);
    String label = view != null && view.label() != null ? view.label()
        : task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (label != null && task.getName() != null && !task.getName().contains(SEPARATOR)) {
      String name = task.getName() + SEPARATOR + label.strip();
      task.setName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name);
    }
    if (view != null && view.summary() != null) {
      task.setVariableLocal(CASE_SUMMARY, fit(view.summary()));
    }
    if (view != null && view.timeline() != null) {
      task.setVariableLocal(CASE_TIMELINE, fit(view.timeline()));
    }
  }

  /** Text cut to what a string variable holds. */
  public static String fit(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }
}
