package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.research.ResearchVariables.*;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.research.ResearchService.AnswerInput;
import cn.gov.gz.govcloud.research.ResearchService.DemandInput;
import cn.gov.gz.govcloud.research.ResearchService.Research;
import cn.gov.gz.govcloud.web.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/research}: the service-demand researches with their answers, demands and recommendations, and a unit's
 * questionnaire over REST (the same step as its Tasklist task: the answer completes the unit's task). Unit users see
 * the researches that asked their unit, and only their own unit's answers and demands.
 */
@Tag(name = "服务需求调研", description = "服务需求调研分析（P6 7.5.1；DB4401/T 294.3 5.4.1）：问卷或访谈、需求分析、优化建议、调研评估报告。")
@RestController
@RequestMapping("/api/research")
class ResearchController {

  private final ResearchService research;
  private final TaskService tasks;
  private final CurrentUser currentUser;
  private final JsonVariables json;

  ResearchController(ResearchService research, TaskService tasks, CurrentUser currentUser, JsonVariables json) {
    this.research = research;
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.json = json;
  }

  @Operation(summary = "查询服务需求调研", description = "最新在前；使用单位用户只看到调研了本单位的调研。status 可选：OPEN、ANALYSING、REVIEWING、ACCEPTED。")
  @GetMapping
  List<Research> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit) {
    return research.list(currentUser.require(), status, limit);
  }

  @Operation(summary = "服务需求调研详情", description = "调研、各单位答复、需求、优化建议和调研评估报告编号；使用单位只看到本单位的答复和需求。")
  @GetMapping("/{no}")
  Map<String, Object> one(@PathVariable String no) {
    Caller caller = currentUser.require();
    Research r = research.byNo(no);
    List<ResearchService.Answer> answers = research.answers(r.id(), caller);
    if (!caller.seesAllUnits() && answers.isEmpty()) {
      throw new NotFoundException("需求调研不存在: " + no);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("research", r);
    out.put("answers", answers);
    out.put("demands", research.demands(r.id(), caller));
    out.put("recommendations", research.recommendations(r.id()).stream()
        .filter(c -> caller.seesAllUnits() || c.unitCodes().isEmpty()
            || c.unitCodes().stream().anyMatch(caller.unitCodes()::contains)).toList());
    return out;
  }

  /** A unit's questionnaire. */
  record AnswerBody(String unitCode, String resourceAdequacy, Object satisfaction, String problems,
      String suggestions, List<DemandInput> demands) {

    AnswerInput input() {
      return new AnswerInput(resourceAdequacy, satisfaction, problems, suggestions, demands, null);
    }
  }

  @Operation(summary = "使用单位填写服务需求调研问卷",
      description = "资源使用情况（resourceAdequacy：SUFFICIENT 充足、MOSTLY 基本满足、INSUFFICIENT 不足）、满意度 1–5 分、"
          + "存在的问题、意见与建议，以及需求列表 demands（type：NEW_RESOURCE 新增资源、SCALE_UP 扩容、SCALE_DOWN 缩容、"
          + "NEW_SERVICE 新服务、PROCESS 流程、OTHER 其他；content 需求内容）。提交后本单位的问卷任务即完成。只属于一个单位的用户可省略 unitCode。")
  @PostMapping("/{no}/answers")
  Map<String, Object> answer(@PathVariable String no, @RequestBody(required = false) AnswerBody body) {
    Caller caller = currentUser.require();
    List<String> units = caller.unitCodes();
    if (units.isEmpty()) {
      throw new AccessDeniedException("只有使用单位的用户可以填写服务需求调研问卷");
    }
    String unit = body == null || body.unitCode() == null || body.unitCode().isBlank()
        ? (units.size() == 1 ? units.get(0) : null) : body.unitCode().strip();
    if (unit == null) {
      throw ValidationException.of("unitCode", "您属于多个单位，请填写代表的单位编码");
    }
    if (!units.contains(unit)) {
      throw new AccessDeniedException("不能代表其他单位填写调研问卷: " + unit);
    }
    Research r = research.byNo(no);
    AnswerInput in = body == null ? new AnswerInput(null, null, null, null, List.of(), null) : body.input();
    int score = ResearchInputs.answer(in, false);
    String status = research.status(r.id(), unit);
    Task task = r.processInstanceId() == null ? null : tasks.createTaskQuery().processInstanceId(r.processInstanceId())
        .taskDefinitionKey(QUESTIONNAIRE_TASK).taskCandidateGroup(Groups.unitGroup(unit)).singleResult();
    if (task == null) {
      throw ValidationException.of("unitCode", "本单位没有待填写的问卷（"
          + (ResearchLabels.INTERVIEW.equals(r.method()) ? "本次调研采用访谈方式" : ResearchLabels.of(
              ResearchLabels.ANSWER_STATUS, status)) + "）");
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(RESOURCE_ADEQUACY, in.resourceAdequacy());
    vars.put(SATISFACTION, score);
    vars.put(PROBLEMS, in.problems());
    vars.put(SUGGESTIONS, in.suggestions());
    vars.put(DEMANDS, SpinValues.jsonValue(json.write(in.demands() == null ? List.of() : in.demands())).create());
    tasks.complete(task.getId(), vars);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("researchNo", r.researchNo());
    out.put("unitCode", unit);
    out.put("answer", research.answers(r.id(), caller).stream().filter(a -> a.unitCode().equals(unit)).findFirst()
        .orElseThrow());
    out.put("demands", research.demands(r.id(), caller).stream().filter(d -> d.unitCode().equals(unit)).toList());
    return out;
  }
}
