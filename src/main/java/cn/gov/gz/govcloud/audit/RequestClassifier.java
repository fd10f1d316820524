package cn.gov.gz.govcloud.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.AntPathMatcher;

/**
 * Decides whether a request is recorded and names it: channel, action ({@code task.claim}, {@code
 * process-instance.delete}, {@code reports.content}, {@code login.failure}), the object it acts on and a short Chinese
 * description. Recorded: every change (POST, PUT, PATCH, DELETE) except the engine REST queries that Camunda sends as
 * POST ({@code POST /task}, {@code .../count}, {@code filter/{id}/list}, history queries), the configured reads
 * (downloads, exports, the audit log itself) and logins. Works on the path only: bodies are never read.
 */
final class RequestClassifier {

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/";
  static final String WEBAPP_API = "/camunda/api/";
  /** Our own endpoints for the browser session (documents), named like those of {@code /api}. */
  static final String WEBAPP_OURS = "/camunda/api/govcloud/";
  static final String OUR_API = "/api/";

  /** A classified request; {@code action} null = not recorded. */
  record Classification(String channel, String action, String objectType, String objectId, String detail) {
    static final Classification SKIP = new Classification(null, null, null, null, null);

    boolean recorded() {
      return action != null;
    }
  }

  /** Engine collections whose bare POST is a query (Camunda sends long queries as POST). */
  private static final Set<String> QUERY_COLLECTIONS = Set.of("task", "process-instance", "execution",
      "variable-instance", "job", "external-task", "case-instance", "case-execution", "event-subscription");
  /** Second path segments of the engine REST that are not ids. */
  private static final Set<String> NOT_IDS = Set.of("create", "count", "delete", "suspended", "suspended-async",
      "job-retries", "variables-async", "correlate", "key", "report", "statistics", "fetchAndLock", "retries",
      "set-removal-time", "cleanup", "delete-historic-query-based", "list", "async", "variables", "modification",
      "migration", "restart", "reports", "history-time-to-live");
  private static final Map<String, String> ENGINE_DETAIL = Map.ofEntries(
      Map.entry("task.claim", "认领任务"), Map.entry("task.unclaim", "取消认领任务"),
      Map.entry("task.complete", "完成任务"), Map.entry("task.submit-form", "提交任务表单"),
      Map.entry("task.assignee", "转派任务"), Map.entry("task.delegate", "委托任务"),
      Map.entry("task.resolve", "办结委托任务"), Map.entry("task.update", "修改任务"),
      Map.entry("task.delete", "删除任务"), Map.entry("task.create", "创建任务"),
      Map.entry("task.variables", "修改任务变量"), Map.entry("task.variables.delete", "删除任务变量"),
      Map.entry("task.localVariables", "修改任务局部变量"), Map.entry("task.localVariables.delete", "删除任务局部变量"),
      Map.entry("task.comment.create", "添加任务评论"), Map.entry("task.identity-links", "修改任务候选人"),
      Map.entry("task.identity-links.delete", "删除任务候选人"), Map.entry("task.bpmnError", "任务抛出业务错误"),
      Map.entry("task.bpmnEscalation", "任务抛出升级"),
      Map.entry("process-instance.delete", "取消（删除）流程实例"),
      Map.entry("process-instance.variables", "修改流程变量"),
      Map.entry("process-instance.variables.delete", "删除流程变量"),
      Map.entry("process-instance.suspended", "挂起或激活流程实例"),
      Map.entry("process-instance.modification", "修改流程实例的执行位置"),
      Map.entry("process-definition.start", "发起流程"), Map.entry("process-definition.submit-form", "通过表单发起流程"),
      Map.entry("process-definition.delete", "删除流程定义"), Map.entry("deployment.create", "部署模型"),
      Map.entry("deployment.delete", "删除部署"), Map.entry("message", "关联消息"), Map.entry("signal", "发送信号"),
      Map.entry("job.retries", "设置作业重试次数"), Map.entry("job.execute", "立即执行作业"),
      Map.entry("user.create", "创建用户"), Map.entry("user.delete", "删除用户"),
      Map.entry("user.credentials", "修改用户密码"), Map.entry("user.profile", "修改用户资料"),
      Map.entry("user.unlock", "解锁用户"), Map.entry("group.create", "创建用户组"),
      Map.entry("group.members", "修改用户组成员"), Map.entry("group.members.delete", "移出用户组成员"),
      Map.entry("authorization.create", "创建授权"), Map.entry("authorization.update", "修改授权"),
      Map.entry("authorization.delete", "删除授权"), Map.entry("filter.create", "创建任务过滤器"),
      Map.entry("filter.update", "修改任务过滤器"), Map.entry("filter.delete", "删除任务过滤器"));
  private static final Map<String, String> API_DETAIL = Map.ofEntries(
      Map.entry("reports.content", "下载报告"), Map.entry("documents.content", "下载报告"),
      Map.entry("ledger.inventory", "导入资产清单并校核台账"), Map.entry("ledger.reconcile", "校核台账"),
      Map.entry("ledger.export", "导出资源台账"), Map.entry("optimization.settlement.export", "导出结算单"),
      Map.entry("audit.read", "查询审计日志"), Map.entry("audit.keep", "设定审计记录长期保存"),
      Map.entry("audit.release", "取消审计记录长期保存"),
      Map.entry("intake.alertmanager", "接收 Alertmanager 告警"), Map.entry("intake.zabbix", "接收 Zabbix 告警"),
      Map.entry("integrations.clients", "登记外部系统接入并发放令牌"));

  private final AntPathMatcher matcher = new AntPathMatcher();
  private final List<String> recordedReads;

  RequestClassifier(List<String> recordedReads) {
    this.recordedReads = List.copyOf(recordedReads);
  }

  Classification classify(String method, String path) {
    boolean change = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    if (path.startsWith(WEBAPP_API + "admin/auth/user/")) {
      return login(path);
    }
    if (!change && recordedReads.stream().noneMatch(p -> matcher.match(p, path))) {
      return Classification.SKIP;
    }
    if (path.startsWith(ENGINE_REST + "/")) {
      return engine("engine-rest", method, change, segments(path.substring(ENGINE_REST.length())));
    }
    if (path.startsWith(WEBAPP_ENGINE)) {
      List<String> s = segments(path.substring(WEBAPP_ENGINE.length()));
      return s.isEmpty() ? Classification.SKIP : engine("webapp", method, change, s.subList(1, s.size()));
    }
    if (path.startsWith(OUR_API)) {
      return api(method, segments(path.substring(OUR_API.length())));
    }
    if (path.startsWith(WEBAPP_OURS)) {
      Classification c = api(method, segments(path.substring(WEBAPP_OURS.length())));
      return new Classification("webapp", c.action(), c.objectType(), c.objectId(), c.detail());
    }
    if (path.startsWith(WEBAPP_API)) {
      // the webapps' plugin APIs (Cockpit statistics and the like) send their queries as POST
      if (path.contains("/plugin/")) {
        return Classification.SKIP;
      }
      List<String> s = segments(path.substring(WEBAPP_API.length()));
      String action = "webapp." + String.join(".", s.subList(0, Math.min(2, s.size())));
      return new Classification("webapp", action, null, null, "Camunda 应用操作");
    }
    return Classification.SKIP;
  }

  /** {@code /camunda/api/admin/auth/user/{engine}/login/{app}} and {@code .../logout}; the outcome decides later. */
  private static Classification login(String path) {
    List<String> s = segments(path.substring((WEBAPP_API + "admin/auth/user/").length()));
    if (s.size() >= 3 && "login".equals(s.get(1))) {
      return new Classification("webapp", "login", "user", null, "登录 " + s.get(2));
    }
    if (s.size() >= 2 && "logout".equals(s.get(1))) {
      return new Classification("webapp", "logout", "user", null, "退出登录");
    }
    return Classification.SKIP;
  }

  private static Classification engine(String channel, String method, boolean change, List<String> s) {
    if (s.isEmpty()) {
      return Classification.SKIP;
    }
    List<String> rest = new ArrayList<>(s);
    String resource = rest.remove(0);
    if ("history".equals(resource) && !rest.isEmpty()) {
      resource = "history." + rest.remove(0);
    }
    String objectId = null;
    if ("process-definition".equals(resource) && rest.size() >= 2 && "key".equals(rest.get(0))) {
      objectId = "key:" + rest.get(1);
      rest = new ArrayList<>(rest.subList(2, rest.size()));
      if (rest.size() >= 2 && "tenant-id".equals(rest.get(0))) {
        rest = new ArrayList<>(rest.subList(2, rest.size()));
      }
    } else if (!rest.isEmpty() && !NOT_IDS.contains(rest.get(0))) {
      objectId = rest.remove(0);
    }
    if (change && isQuery(resource, objectId, rest)) {
      return Classification.SKIP;
    }
    String variable = null;
    List<String> verbs = new ArrayList<>();
    for (int i = 0; i < rest.size(); i++) {
      String word = rest.get(i);
      verbs.add(word);
      if (("variables".equals(word) || "localVariables".equals(word)) && i + 1 < rest.size()) {
        variable = rest.get(++i);
        if (i + 1 < rest.size() && "data".equals(rest.get(i + 1))) {
          verbs.add("data");
          i++;
        }
      } else if (("comment".equals(word) || "attachment".equals(word) || "members".equals(word)) && i + 1 < rest.size()
          && !"create".equals(rest.get(i + 1))) {
        i++; // the comment's or attachment's own id
      }
    }
    String action = resource + (verbs.isEmpty() ? verbOf(method, objectId) : "." + String.join(".", verbs));
    if ("DELETE".equals(method) && !verbs.isEmpty() && !action.endsWith(".delete")) {
      action += ".delete";
    }
    String detail = ENGINE_DETAIL.getOrDefault(action, change ? "引擎操作" : "下载引擎数据");
    if (variable != null) {
      detail += " " + variable;
    }
    return new Classification(channel, action, resource, objectId, detail);
  }

  /** Camunda's REST API sends queries as POST: those are reads and not recorded. */
  private static boolean isQuery(String resource, String objectId, List<String> rest) {
    if (!rest.isEmpty()) {
      String last = rest.get(rest.size() - 1);
      return "count".equals(last) || "list".equals(last) || "fetchAndLock".equals(last)
          || ("report".equals(rest.get(0)) && !resource.startsWith("history.cleanup"));
    }
    if (objectId != null) {
      return false;
    }
    return QUERY_COLLECTIONS.contains(resource)
        || (resource.startsWith("history.") && !"history.cleanup".equals(resource));
  }

  private static String verbOf(String method, String objectId) {
    return switch (method) {
      case "GET" -> ".read";
      case "DELETE" -> ".delete";
      case "PUT", "PATCH" -> ".update";
      default -> objectId == null ? "" : ".update";
    };
  }

  /** {@code /api/<resource>[/<id>][/<sub>...]}: ids are the segments that are not plain lower-case words. */
  private static Classification api(String method, List<String> s) {
    if (s.isEmpty()) {
      return Classification.SKIP;
    }
    String resource = s.get(0);
    String objectId = null;
    List<String> verbs = new ArrayList<>();
    for (String word : s.subList(1, s.size())) {
      if (word.matches("[a-z][a-z-]*")) {
        verbs.add(word);
      } else if (objectId == null) {
        objectId = word;
      }
    }
    String action = resource + (verbs.isEmpty() ? switch (method) {
      case "GET" -> ".read";
      case "DELETE" -> ".delete";
      case "PUT", "PATCH" -> ".update";
      default -> objectId == null ? ".create" : ".update";
    } : "." + String.join(".", verbs));
    String detail = API_DETAIL.getOrDefault(action, "GET".equals(method) ? "下载或导出" : "业务操作");
    return new Classification("api", action, resource, objectId, detail);
  }

  private static List<String> segments(String path) {
    return Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
  }
}
