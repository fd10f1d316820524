package cn.gov.gz.govcloud.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * How the people of one process see its case in their tasks. A feature implements it for the processes it owns (a
 * Spring bean); {@link CaseViews} asks it when a user task is created.
 */
public interface CaseView {

  /** True for the process definition keys this view knows. */
  boolean handles(String processDefinitionKey);

  /** The case as the task's people need it, from the feature's own data (the task's variables hold its id). */
  View view(DelegateTask task);

  /**
   * What a task shows: {@code label} goes into the task's name ("EM20261203-000001 特别重大 交通调度平台（市交通运输局）"),
   * {@code summary} and {@code timeline} (Markdown; names, labels and Beijing times, never codes or ISO instants) into
   * the task's form through the variables {@value CaseViews#CASE_SUMMARY} and {@value CaseViews#CASE_TIMELINE}. Any
   * may be null.
   */
  record View(String label, String summary, String timeline) {}
}
