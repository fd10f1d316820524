package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.AssessmentVariables.*;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.governance.AssessmentService.Assessment;
import cn.gov.gz.govcloud.governance.AssessmentService.Result;
import cn.gov.gz.govcloud.web.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/security-assessments}: starting an assessment of the operations staff (ops managers), reading the
 * assessments with every result, and recording a staff member's score over REST (the same step as the Tasklist task
 * 记录考核成绩: the score completes that staff member's task).
 */
@Tag(name = "安全意识与操作考核", description = "定期开展安全意识、安全操作考核，形成考核评价（P6 7.4.1.3 b）。")
@RestController
@RequestMapping("/api/security-assessments")
class AssessmentController {

  private final AssessmentService assessments;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final TransactionTemplate transactions;
  private final CurrentUser currentUser;

  AssessmentController(AssessmentService assessments, RuntimeService runtime, TaskService tasks,
      TransactionTemplate transactions, CurrentUser currentUser) {
    this.assessments = assessments;
    this.runtime = runtime;
    this.tasks = tasks;
    this.transactions = transactions;
    this.currentUser = currentUser;
  }

  record Intake(String title) {}

  record Started(String assessmentNo, String processInstanceId) {}

  record ScoreBody(Long staffId, Object score, String note) {}

  @Operation(summary = "发起安全意识与操作考核", description = "运维经理发起一次考核（201），名册中每名在岗运维人员一项“记录考核成绩”任务；"
      + "名称必填，名册中没有在岗人员时返回 400。")
  @PostMapping
  ResponseEntity<Started> start(@RequestBody(required = false) Intake in) {
    manager();
    String title = Scores.required(in == null ? null : in.title(), TITLE, "考核名称", 200);
    Map<String, Object> vars = new HashMap<>();
    vars.put(TITLE, title);
    Started s = transactions.execute(tx -> {
      String id = runtime.createProcessInstanceByKey(PROCESS_KEY).setVariables(vars).execute().getId();
      Assessment a = assessments.findByProcessInstance(id)
          .orElseThrow(() -> ValidationException.of(TITLE, "人员名册中没有在岗的运维人员，无法考核"));
      return new Started(a.assessmentNo(), id);
    });
    return ResponseEntity.status(HttpStatus.CREATED).body(s);
  }

  @Operation(summary = "查询考核", description = "最新在前。")
  @GetMapping
  List<Assessment> list(@RequestParam(defaultValue = "50") int limit) {
    reader();
    return assessments.list(limit);
  }

  @Operation(summary = "考核详情", description = "每名运维人员的首次成绩、最终成绩、考核次数和结果（通过、待补考、未通过、缺考）。")
  @GetMapping("/{assessmentNo}")
  Map<String, Object> one(@PathVariable String assessmentNo) {
    reader();
    Assessment a = assessments.get(assessmentNo);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("assessment", a);
    out.put("results", assessments.results(a.id()));
    return out;
  }

  @Operation(summary = "记录考核成绩", description = "运维经理记录一名运维人员本轮的考核成绩（0–100 分），完成其“记录考核成绩”任务；"
      + "低于合格分数且仍有补考机会时转补考。人员不在本轮考核中或成绩有误时返回 400 并指明字段。")
  @PostMapping("/{assessmentNo}/scores")
  Result score(@PathVariable String assessmentNo, @RequestBody(required = false) ScoreBody in) {
    manager();
    Assessment a = assessments.get(assessmentNo);
    if (in == null || in.staffId() == null) {
      throw ValidationException.of("staffId", "请填写运维人员编号");
    }
    Scores.whole(in.score(), SCORE, "考核成绩", 0, 100);
    Scores.optional(in.note(), NOTE, "备注", 500);
    Result before = assessments.result(a.id(), in.staffId());
    Task task = a.processInstanceId() == null ? null : tasks.createTaskQuery()
        .processInstanceId(a.processInstanceId()).taskDefinitionKey(SCORE_TASK).list().stream()
        .filter(t -> in.staffId().equals(((Number) tasks.getVariable(t.getId(), ASSESSED_STAFF_ID)).longValue()))
        .findFirst().orElse(null);
    if (task == null) {
      throw ValidationException.of("staffId", before.name() + " 本轮没有待记录的成绩（" + before.statusLabel() + "）");
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(SCORE, in.score());
    vars.put(NOTE, in.note());
    tasks.complete(task.getId(), vars);
    return assessments.result(a.id(), in.staffId());
  }

  private void reader() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER, Groups.MANAGEMENT, Groups.SUPERVISOR)) {
      throw new AccessDeniedException("考核记录仅限运维经理、管理方和监理方查看");
    }
  }

  private void manager() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有运维经理可以发起考核和记录成绩");
    }
  }
}
