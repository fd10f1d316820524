package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.TrainingVariables.*;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.governance.TrainingService.Feedback;
import cn.gov.gz.govcloud.governance.TrainingService.Training;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
 * {@code /api/trainings}: requesting a training (starting the {@code training} process as an ops manager or
 * management), reading trainings with their feedback, and an attendee's feedback while it is collected.
 */
@Tag(name = "培训", description = "培训（P6 7.6.3）：培训需求、计划、实施、参训人员反馈、总结改进与培训记录。")
@RestController
@RequestMapping("/api/trainings")
class TrainingController {

  private final TrainingService trainings;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;
  private final CurrentUser currentUser;

  TrainingController(TrainingService trainings, RuntimeService runtime, TransactionTemplate transactions,
      CurrentUser currentUser) {
    this.trainings = trainings;
    this.runtime = runtime;
    this.transactions = transactions;
    this.currentUser = currentUser;
  }

  /** A training need: form ONLINE or OFFLINE. */
  record Intake(String topic, String form, String goal, String audience) {}

  record Requested(String trainingNo, String processInstanceId, String status) {}

  /** An attendee's feedback: content, form and effect scored 1–5, optional comments. */
  record FeedbackBody(Object contentScore, Object formScore, Object effectScore, String comments) {}

  @Operation(summary = "发起培训", description = "运维经理或管理方提出培训需求（培训主题、形式 ONLINE/OFFLINE、目标、对象），"
      + "由管理方确认（201）；字段有误时返回 400 并指明字段，不发起流程。")
  @PostMapping
  ResponseEntity<Requested> request(@RequestBody(required = false) Intake in) {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER, Groups.MANAGEMENT)) {
      throw new AccessDeniedException("只有运维经理和管理方可以发起培训");
    }
    Intake body = in == null ? new Intake(null, null, null, null) : in;
    // checked before the start so that bad input starts nothing; the process checks again
    Scores.required(body.topic(), TOPIC, "培训主题", 200);
    if (body.form() == null || !TrainingService.FORMS.containsKey(body.form().strip())) {
      throw cn.gov.gz.govcloud.web.ValidationException.of(FORM, "培训形式应为 ONLINE（线上）或 OFFLINE（线下）");
    }
    Scores.required(body.goal(), GOAL, "培训目标", 2000);
    Scores.required(body.audience(), AUDIENCE, "培训对象", 500);
    Map<String, Object> vars = new HashMap<>();
    vars.put(TOPIC, body.topic());
    vars.put(FORM, body.form().strip());
    vars.put(GOAL, body.goal());
    vars.put(AUDIENCE, body.audience());
    String instanceId = transactions.execute(tx -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(vars).execute().getId());
    Training t = trainings.findByProcessInstance(instanceId).orElseThrow();
    return ResponseEntity.status(HttpStatus.CREATED).body(new Requested(t.trainingNo(), instanceId, t.status()));
  }

  @Operation(summary = "查询培训", description = "最新在前；可按状态筛选（REQUESTED、RETURNED、PLANNING、SCHEDULED、FEEDBACK、"
      + "SUMMARY、CLOSED）。")
  @GetMapping
  List<Training> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit) {
    staff(currentUser.require());
    return trainings.list(status, limit);
  }

  @Operation(summary = "培训详情", description = "需求、计划、实施记录、反馈的平均分和每份反馈、总结与培训记录编号。")
  @GetMapping("/{trainingNo}")
  Map<String, Object> one(@PathVariable String trainingNo) {
    staff(currentUser.require());
    Training t = trainings.get(trainingNo);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("training", t);
    out.put("figures", trainings.figures(t.id()));
    out.put("feedback", trainings.feedbacks(t.id()));
    return out;
  }

  @Operation(summary = "提交培训反馈", description = "参训人员在反馈收集期内对培训内容、形式、效果各打 1–5 分，可填写意见与建议"
      + "（P6 7.6.3.4）；每人每次培训一份。分数有误、不在收集期或重复提交时返回 400 并指明字段。")
  @PostMapping("/{trainingNo}/feedback")
  ResponseEntity<Feedback> feedback(@PathVariable String trainingNo, @RequestBody(required = false) FeedbackBody in) {
    Caller caller = currentUser.require();
    staff(caller);
    FeedbackBody b = in == null ? new FeedbackBody(null, null, null, null) : in;
    return ResponseEntity.status(HttpStatus.CREATED).body(trainings.feedback(trainingNo, b.contentScore(),
        b.formScore(), b.effectScore(), b.comments(), caller.userId()));
  }

  /** Trainings are the provider's and the bureau's business: staff and the administrator, not the units. */
  static void staff(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.STAFF.toArray(String[]::new))) {
      throw new AccessDeniedException("培训记录仅限管理方、服务方和监理方人员");
    }
  }
}
