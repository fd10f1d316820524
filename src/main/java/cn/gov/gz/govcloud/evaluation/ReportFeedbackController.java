package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.evaluation.ReportFeedbackService.Feedback;
import cn.gov.gz.govcloud.web.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/report-feedback}: feedback on an archived report from a unit, management or the supervisor (P6 7.6.2.5),
 * answered by the provider in the Tasklist task of {@code report-feedback} (7.6.2.6). Unit users see their own unit's.
 */
@Tag(name = "报告反馈", description = "相关方对服务报告的反馈意见及服务方的答复（P6 7.6.2.5、7.6.2.6）。")
@RestController
@RequestMapping("/api/report-feedback")
class ReportFeedbackController {

  private final ReportFeedbackService feedback;
  private final RuntimeService runtime;
  private final CurrentUser currentUser;

  ReportFeedbackController(ReportFeedbackService feedback, RuntimeService runtime, CurrentUser currentUser) {
    this.feedback = feedback;
    this.runtime = runtime;
    this.currentUser = currentUser;
  }

  record FeedbackBody(Long reportId, String content) {}

  @Operation(summary = "对报告提出反馈意见",
      description = "使用单位（对本单位可查看的报告）、管理方或监理方提出；服务方在任务中心答复并选择处理方式。")
  @PostMapping
  ResponseEntity<Feedback> submit(@RequestBody(required = false) FeedbackBody body) {
    Caller caller = currentUser.require();
    ReportFeedbackService.party(caller);
    if (body == null || body.reportId() == null) {
      throw ValidationException.of("reportId", "请填写报告编号");
    }
    feedback.check(body.reportId(), body.content(), caller);
    Map<String, Object> vars = new HashMap<>();
    vars.put("reportId", body.reportId());
    vars.put(FEEDBACK_CONTENT, body.content());
    ProcessInstance pi = runtime.startProcessInstanceByKey(FEEDBACK_PROCESS, vars);
    long id = ((Number) runtime.getVariable(pi.getId(), FEEDBACK_ID)).longValue();
    return ResponseEntity.status(HttpStatus.CREATED).body(feedback.get(id));
  }

  @Operation(summary = "查询报告反馈", description = "可按报告编号筛选；最新在前；使用单位只能看到本单位的反馈。")
  @GetMapping
  List<Feedback> search(@RequestParam(required = false) Long reportId, @RequestParam(defaultValue = "100") int limit) {
    return feedback.search(currentUser.require(), reportId, limit);
  }
}
