package cn.gov.gz.govcloud.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.compliance.Implements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the parties' groups (DOMAIN.md §1), grants each exactly the rights its work needs, and the Tasklist filters
 * everyone shares. Runs on every start and only adds what is missing, so an administrator's additions survive.
 *
 * <ul>
 *   <li>every party: Tasklist and the task filters of its role; tasks reach people through candidate groups and
 *       assignees, which Camunda authorizes per task;</li>
 *   <li>staff (bureau, service desk, ops): read all definitions, instances and tasks; ops managers also reassign tasks;</li>
 *   <li>supervisor: the same reading rights and Cockpit, nothing that changes anything;</li>
 *   <li>unit users: start the processes they start; see only instances of their own unit (granted per instance by
 *       {@link UnitIsolationPlugin}).</li>
 * </ul>
 * Runs after the starter has created the admin user, so the camunda-admin group is never empty (which would open
 * Admin's first-user setup page to anyone).
 */
@Implements(value = "GB 8.4.2 j", what = "用户和权限管理：各方用户组只有其工作所需的权限")
@Implements(value = "P6 7.4.1.3 d", what = "业务权限最小化")
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class AccessSeeder extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AccessSeeder.class);

  static final Map<String, String> GROUP_NAMES = new LinkedHashMap<>();

  static {
    GROUP_NAMES.put(Groups.MANAGEMENT, "管理方（市政务数据局）");
    GROUP_NAMES.put(Groups.UNIT_USER, "使用方用户");
    GROUP_NAMES.put(Groups.SERVICE_DESK, "服务方-服务台");
    GROUP_NAMES.put(Groups.OPS_MANAGER, "服务方-管理类人员");
    GROUP_NAMES.put(Groups.OPS_ENGINEER, "服务方-技术类人员");
    GROUP_NAMES.put(Groups.OPS_OPERATOR, "服务方-操作类人员");
    GROUP_NAMES.put(Groups.SUPERVISOR, "监理方");
  }

  private final AccessPolicy policy;

  public AccessSeeder(AccessPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    seed(engine);
  }

  void seed(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService auth = engine.getAuthorizationService();
    GROUP_NAMES.forEach((id, name) -> ensureGroup(identity, id, name, PARTY_TYPE));
    ensureGroup(identity, Groups.ADMIN, "系统管理员", "系统");
    // technical users of alert integrations: start rights only (below), no webapp
    ensureGroup(identity, Groups.INTEGRATION, "外部系统接入（告警）", "系统");
    for (Group unit : identity.createGroupQuery().groupType("UNIT").list()) {
      unit.setType(UNIT_TYPE);
      identity.saveGroup(unit);
    }

    for (String group : GROUP_NAMES.keySet()) {
      grant(auth, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    List<String> staff = Groups.STAFF;
    for (String group : staff) {
      grant(auth, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_TASK, Permissions.READ_HISTORY);
      grant(auth, group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(auth, group, Resources.TASK, ANY, Permissions.READ);
      grant(auth, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(auth, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(auth, group, Resources.USER, ANY, Permissions.READ);
      grant(auth, group, Resources.GROUP, ANY, Permissions.READ);
    }
    for (String group : List.of(Groups.OPS_MANAGER, Groups.MANAGEMENT, Groups.SUPERVISOR)) {
      grant(auth, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(auth, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
    }
    // ops managers reassign tasks; they work only the tasks they are given (as everyone, through the per-task
    // TASK_WORK the engine grants candidates and assignees), so they cannot edit deadlines or variables of any task.
    // UPDATE, which earlier versions granted here, is taken back from existing installations.
    grant(auth, Groups.OPS_MANAGER, Resources.TASK, ANY, Permissions.TASK_ASSIGN);
    revoke(auth, Groups.OPS_MANAGER, Resources.TASK, ANY, Permissions.UPDATE);

    policy.startRights().forEach((group, keys) -> {
      if (!keys.isEmpty()) {
        grant(auth, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      }
      for (String key : keys) {
        grant(auth, group, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
      }
    });
    seedFilters(engine.getFilterService(), engine.getTaskService(), auth);
  }

  /** Group types as Admin shows them (Camunda's own are English words: SYSTEM, WORKFLOW). */
  static final String PARTY_TYPE = "参与方";
  static final String UNIT_TYPE = "使用单位";

  static void ensureGroup(IdentityService identity, String id, String name, String type) {
    Group existing = identity.createGroupQuery().groupId(id).singleResult();
    if (existing != null) {
      // earlier versions (and Camunda's starter for camunda-admin) wrote English types and names
      boolean englishType = existing.getType() == null || existing.getType().matches("[A-Z_]+");
      boolean englishName = existing.getName() == null || existing.getName().matches("[\\p{ASCII}]+");
      if (englishType || englishName) {
        existing.setType(englishType ? type : existing.getType());
        existing.setName(englishName ? name : existing.getName());
        identity.saveGroup(existing);
      }
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    try {
      identity.saveGroup(group);
      log.info("Created group {}", id);
    } catch (RuntimeException e) {
      // another node created it at the same moment
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        throw e;
      }
    }
  }

  static void grant(AuthorizationService auth, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = auth.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .list().stream().findFirst().orElse(null);
    Authorization a = existing != null ? existing : auth.createNewAuthorization(AUTH_TYPE_GRANT);
    boolean changed = existing == null;
    if (existing == null) {
      a.setGroupId(groupId);
      a.setResource(resource);
      a.setResourceId(resourceId);
    }
    for (Permission p : permissions) {
      if (!a.isPermissionGranted(p)) {
        a.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      auth.saveAuthorization(a);
    }
  }

  static void revoke(AuthorizationService auth, String groupId, Resource resource, String resourceId,
      Permission permission) {
    for (Authorization a : auth.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).list()) {
      if (a.isPermissionGranted(permission)) {
        a.removePermission(permission);
        auth.saveAuthorization(a);
        log.info("Revoked {} on {} {} from group {}", permission.getName(), resource.resourceName(), resourceId,
            groupId);
      }
    }
  }

  /**
   * The Tasklist filters of each role, in Chinese: everyone's own and group tasks, overdue and due today; emergencies
   * by deadline, inspections and applications awaiting approval for the roles that work them; a read-only overview for
   * supervisors. Each filter is readable by the groups listed; a filter an administrator has changed is left alone.
   */
  private static void seedFilters(FilterService filters, TaskService tasks, AuthorizationService auth) {
    List<String> everyone = List.copyOf(GROUP_NAMES.keySet());
    List<String> ops = List.of(Groups.OPS_MANAGER, Groups.OPS_ENGINEER, Groups.OPS_OPERATOR, Groups.SERVICE_DESK);
    String mine = "${currentUser()}";
    String myGroups = "${currentUserGroups()}";
    filter(filters, auth, "我的任务", "分配给我的待办任务，按到期时间排序", -20, "#2a7fd4", everyone,
        tasks.createTaskQuery().taskAssigneeExpression(mine).orderByDueDate().asc());
    filter(filters, auth, "我的组任务", "我所在组可以认领的任务", -15, "#3cb371", everyone,
        tasks.createTaskQuery().taskCandidateGroupInExpression(myGroups).taskUnassigned().orderByDueDate().asc());
    filter(filters, auth, "已逾期", "已过到期时间仍未完成的我的任务和组任务", -12, "#d9534f", everyone,
        tasks.createTaskQuery().or().taskAssigneeExpression(mine).taskCandidateGroupInExpression(myGroups).endOr()
            .dueBeforeExpression("${now()}").orderByDueDate().asc());
    filter(filters, auth, "今日到期", "今天到期的我的任务和组任务", -10, "#f0ad4e", everyone,
        tasks.createTaskQuery().or().taskAssigneeExpression(mine).taskCandidateGroupInExpression(myGroups).endOr()
            .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}").orderByDueDate().asc());
    filter(filters, auth, "应急事件", "应急事件处置任务，按响应时限排序", -8, "#c9302c",
        List.of(Groups.OPS_MANAGER, Groups.OPS_ENGINEER, Groups.OPS_OPERATOR, Groups.SERVICE_DESK, Groups.MANAGEMENT),
        tasks.createTaskQuery().processDefinitionKey("emergency-response").orderByDueDate().asc());
    filter(filters, auth, "巡检任务", "巡检与机房检查任务", -6, "#5bc0de", ops,
        tasks.createTaskQuery().processDefinitionKey("inspection").orderByDueDate().asc());
    filter(filters, auth, "待我审批的资源申请", "等待我所在组审核或审批的云资源申请", -4, "#8e44ad",
        List.of(Groups.MANAGEMENT, Groups.OPS_ENGINEER, Groups.OPS_MANAGER),
        tasks.createTaskQuery().processDefinitionKey("resource-application-review")
            .taskCandidateGroupInExpression(myGroups).orderByDueDate().asc());
    filter(filters, auth, "全部进行中任务（只读）", "监理方查看的全部进行中任务", 0, "#888888",
        List.of(Groups.SUPERVISOR, Groups.MANAGEMENT), tasks.createTaskQuery().orderByTaskCreateTime().desc());
  }

  private static void filter(FilterService filters, AuthorizationService auth, String name, String description,
      int priority, String color, List<String> groups, TaskQuery query) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    String id = existing != null ? existing.getId() : saveFilter(filters, name, description, priority, color, query);
    for (String group : groups) {
      grant(auth, group, Resources.FILTER, id, Permissions.READ);
    }
  }

  private static String saveFilter(FilterService filters, String name, String description, int priority,
      String color, TaskQuery query) {
    Filter filter = filters.newTaskFilter(name);
    filter.setProperties(new LinkedHashMap<>(Map.of(
        "description", description, "priority", priority, "color", color, "refresh", true)));
    filter.setQuery(query);
    return filters.saveFilter(filter).getId();
  }
}
