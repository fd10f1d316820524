package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.dashboard.ListPage.Link;
import cn.gov.gz.govcloud.engine.Privileged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Where a row of a list leads on: to Tasklist, one link per open task of the case that the engine lets the viewer see
 * (its own authorization check, as Tasklist's), and to Cockpit for a running case when the viewer has Cockpit.
 */
@Component
class CaseLinks {

  static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
  static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";
  /** Task names carry the case's label after this mark (engine/CaseViews); the list shows the task's own name. */
  static final String CASE_MARK = "｜";

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AuthorizationService authorizations;
  private final Privileged privileged;

  CaseLinks(TaskService tasks, RuntimeService runtime, AuthorizationService authorizations, Privileged privileged) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.authorizations = authorizations;
    this.privileged = privileged;
  }

  /** Whether the viewer may open Cockpit (the engine's application authorization, as the webapps decide it). */
  boolean cockpit(Caller caller) {
    return privileged.run(() -> authorizations.isUserAuthorized(caller.userId(), caller.groups(), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit"));
  }

  /**
   * The links of each process instance of a page: its open tasks the caller may see (queried as the caller, so the
   * engine's authorization applies) and, with Cockpit, the running instance.
   */
  Map<String, List<Link>> of(Collection<String> processInstanceIds, boolean cockpit, String contextPath) {
    Set<String> ids = new LinkedHashSet<>();
    processInstanceIds.stream().filter(Objects::nonNull).forEach(ids::add);
    Map<String, List<Link>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String[] idArray = ids.toArray(String[]::new);
    for (Task t : tasks.createTaskQuery().processInstanceIdIn(idArray).active().orderByTaskCreateTime().asc()
        .listPage(0, 500)) {
      String name = t.getName() == null ? "任务" : t.getName().split(CASE_MARK, 2)[0];
      out.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>())
          .add(new Link("办理：" + name, contextPath + TASKLIST + t.getId()));
    }
    if (cockpit) {
      for (ProcessInstance p : runtime.createProcessInstanceQuery().processInstanceIds(ids).listPage(0, 500)) {
        out.computeIfAbsent(p.getId(), k -> new ArrayList<>())
            .add(new Link("流程监控", contextPath + COCKPIT + p.getId() + "/runtime"));
      }
    }
    return out;
  }
}
