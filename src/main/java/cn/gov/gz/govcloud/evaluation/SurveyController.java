package cn.gov.gz.govcloud.evaluation;

import static cn.gov.gz.govcloud.evaluation.SurveyVariables.*;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.evaluation.SurveyService.AnswerInput;
import cn.gov.gz.govcloud.evaluation.SurveyService.Results;
import cn.gov.gz.govcloud.evaluation.SurveyService.Survey;
import cn.gov.gz.govcloud.web.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/surveys}: the periodic satisfaction surveys with their figures, and a unit's answer over REST (the same
 * step as its Tasklist task: the answer completes the unit's task). Unit users see their own unit's answers only.
 */
@Tag(name = "满意度调查与服务评价", description = "使用单位满意度调查与服务评价（DB4401/T 294.3 第 7 章；P6 附录 B）。")
@RestController
@RequestMapping("/api/surveys")
class SurveyController {

  private final SurveyService surveys;
  private final TaskService tasks;
  private final CurrentUser currentUser;

  SurveyController(SurveyService surveys, TaskService tasks, CurrentUser currentUser) {
    this.surveys = surveys;
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @Operation(summary = "查询满意度调查", description = "最新在前；每次调查的统计期间、截止时间、状态和评价报告编号。")
  @GetMapping
  List<Survey> list(@RequestParam(defaultValue = "50") int limit) {
    currentUser.require();
    return surveys.list(limit);
  }

  @Operation(summary = "满意度调查详情", description = "各维度平均分、答复情况和各单位的答复；使用单位只能看到本单位的答复。")
  @GetMapping("/{id}")
  Map<String, Object> one(@PathVariable long id) {
    Caller caller = currentUser.require();
    Survey s = surveys.get(id);
    Results r = surveys.results(id, caller);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("survey", s);
    out.put("dimensions", SurveyDimension.all().stream().map(d -> Map.of("field", d.field(), "label", d.label(),
        "clause", d.clause())).toList());
    out.put("results", r);
    return out;
  }

  /** A unit's answer: a score 1–5 for every dimension, and optional texts. */
  record AnswerBody(String unitCode, Integer attitude, Integer responseSpeed, Integer resolution, Integer followUp,
      Integer overall, String problems, String suggestions) {

    AnswerInput input() {
      Map<String, Object> scores = new HashMap<>();
      scores.put("attitude", attitude);
      scores.put("responseSpeed", responseSpeed);
      scores.put("resolution", resolution);
      scores.put("followUp", followUp);
      scores.put("overall", overall);
      return new AnswerInput(scores, problems, suggestions);
    }
  }

  @Operation(summary = "使用单位填写满意度调查",
      description = "使用单位用户按服务态度、响应速度、问题解决效果、事后反馈、整体满意度各打 1–5 分，可填写发现的问题和建议；"
          + "提交后本单位的调查任务即完成。只属于一个单位的用户可省略 unitCode。")
  @PostMapping("/{id}/answers")
  Map<String, Object> answer(@PathVariable long id, @RequestBody(required = false) AnswerBody body) {
    Caller caller = currentUser.require();
    List<String> units = caller.unitCodes();
    if (units.isEmpty()) {
      throw new AccessDeniedException("只有使用单位的用户可以填写满意度调查");
    }
    String unit = body == null || body.unitCode() == null || body.unitCode().isBlank()
        ? (units.size() == 1 ? units.get(0) : null) : body.unitCode().strip();
    if (unit == null) {
      throw ValidationException.of("unitCode", "您属于多个单位，请填写代表的单位编码");
    }
    if (!units.contains(unit)) {
      throw new AccessDeniedException("不能代表其他单位填写调查: " + unit);
    }
    Survey s = surveys.get(id);
    AnswerInput in = body == null ? new AnswerInput(Map.of(), null, null) : body.input();
    Map<String, Integer> scores = SurveyService.validate(in);
    String status = surveys.status(id, unit);
    Task task = tasks.createTaskQuery().processInstanceId(s.processInstanceId()).taskDefinitionKey(ANSWER_TASK)
        .taskCandidateGroup(Groups.unitGroup(unit)).singleResult();
    if (task == null) {
      throw ValidationException.of("unitCode", "本单位没有待填写的调查（" + SurveyService.STATUS_LABELS.get(status) + "）");
    }
    Map<String, Object> vars = new HashMap<>(scores);
    vars.put(SURVEY_PROBLEMS, in.problems());
    vars.put(SURVEY_SUGGESTIONS, in.suggestions());
    tasks.complete(task.getId(), vars);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("surveyId", id);
    out.put("unitCode", unit);
    out.put("answer", surveys.answersOf(id, caller).stream().filter(a -> a.unitCode().equals(unit)).findFirst()
        .orElseThrow());
    return out;
  }
}
