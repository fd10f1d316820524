package cn.gov.gz.govcloud.optimization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.optimization.OptimizationService.Decision;
import cn.gov.gz.govcloud.optimization.OptimizationService.FollowUp;
import cn.gov.gz.govcloud.optimization.PriceList.Price;
import cn.gov.gz.govcloud.optimization.PriceList.PriceInput;
import cn.gov.gz.govcloud.optimization.Settlement.Bill;
import cn.gov.gz.govcloud.web.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/optimization}: the price list, the settlement bill (JSON and .xlsx), the reviews with their candidates,
 * and management's decisions in bulk.
 */
@Tag(name = "资源优化与结算", description = "价格表、结算单和资源优化评审（P6 7.5，P3 附录 C）。")
@RestController
@RequestMapping("/api/optimization")
class OptimizationController {

  private final PriceList prices;
  private final Settlement settlement;
  private final OptimizationService service;
  private final OptimizationDecisions decisions;
  private final TaskService tasks;
  private final CurrentUser currentUser;

  OptimizationController(PriceList prices, Settlement settlement, OptimizationService service,
      OptimizationDecisions decisions, TaskService tasks, CurrentUser currentUser) {
    this.prices = prices;
    this.settlement = settlement;
    this.service = service;
    this.decisions = decisions;
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @Operation(summary = "查询价格表", description = "全部有效和历史价格。")
  @GetMapping("/prices")
  List<Price> prices() {
    currentUser.require();
    return prices.all();
  }

  @Operation(summary = "新增价格", description = "管理方、运维经理或系统管理员；同一资源类型和计价单位的旧价格在前一天截止。")
  @PostMapping("/prices")
  ResponseEntity<Price> addPrice(@RequestBody(required = false) PriceInput input) {
    return ResponseEntity.status(HttpStatus.CREATED).body(prices.add(input, currentUser.require()));
  }

  static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, "日期格式应为 2026-11-01: " + value);
    }
  }

  @Operation(summary = "查询结算单", description = "按使用单位和业务系统（可含每项资源）；使用单位只能查本单位。")
  @GetMapping("/settlement")
  Map<String, Object> settlement(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String unitCode,
      @RequestParam(defaultValue = "false") boolean lines) {
    Bill bill = settlement.bill(date(from, "from"), date(to, "to"), unitCode, currentUser.require());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", bill.from());
    out.put("to", bill.to());
    out.put("total", bill.total());
    out.put("groups", bill.groups());
    out.put("resources", bill.lines().size());
    if (lines) {
      out.put("lines", bill.lines());
    }
    return out;
  }

  /** The settlement bill as an Excel workbook (P3 Appendix D). */
  @Operation(summary = "导出结算单", description = "Excel（.xlsx）。")
  @GetMapping("/settlement/export")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String unitCode) {
    Bill bill = settlement.bill(date(from, "from"), date(to, "to"), unitCode, currentUser.require());
    StreamingResponseBody body = out -> settlement.writeXlsx(bill, unitCode, out);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("结算单-" + bill.from() + "_" + bill.to() + ".xlsx", StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(body);
  }

  @Operation(summary = "查询资源优化评审", description = "最新在前。")
  @GetMapping("/reviews")
  List<Review> reviews(@RequestParam(defaultValue = "50") int limit) {
    currentUser.require();
    return service.list(limit);
  }

  @Operation(summary = "资源优化评审详情", description = "决定统计、后续执行、上期结果和与使用单位的沟通。")
  @GetMapping("/reviews/{id}")
  Map<String, Object> review(@PathVariable long id) {
    Caller caller = currentUser.require();
    Review r = service.get(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("review", r);
    out.put("decisions", service.decisionCounts(id));
    out.put("followUp", visible(service.followUp(id), caller));
    out.put("previous", r.previousReviewId() == null ? null : visible(service.followUp(r.previousReviewId()), caller));
    out.put("events", service.events(id, caller));
    return out;
  }

  /** Unit users see the counts, but only their own unit's executed resources. */
  static FollowUp visible(FollowUp f, Caller caller) {
    if (caller.seesAllUnits()) {
      return f;
    }
    return new FollowUp(f.reviewId(), f.reviewNo(), f.periodFrom(), f.periodTo(), f.candidates(), f.accepted(),
        f.rejected(), f.executed(), f.withdrawn(), f.estimatedSaving(), f.realisedSaving(),
        f.executedItems().stream().filter(c -> caller.unitCodes().contains(c.unitCode())).toList());
  }

  @Operation(summary = "查询优化建议", description = "含证据、决定、单位答复、执行与实际节省；使用单位只能查本单位。")
  @GetMapping("/reviews/{id}/candidates")
  List<Candidate> candidates(@PathVariable long id, @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String action, @RequestParam(required = false) String decision,
      @RequestParam(defaultValue = "1000") int limit) {
    Caller caller = currentUser.require();
    service.get(id);
    return service.candidates(id, unitCode, action, decision, caller, Math.min(Math.max(limit, 1), 50_000));
  }

  /** Management's decisions, hundreds at once. */
  record DecisionsInput(List<Decision> decisions, String all, String reason, Boolean complete) {}

  @Operation(summary = "审核优化建议", description = "管理方逐条或批量采纳、不采纳（须说明原因），complete=true 时完成审核任务。")
  @PostMapping("/reviews/{id}/decisions")
  Map<String, Object> decide(@PathVariable long id, @RequestBody(required = false) DecisionsInput input) {
    Caller caller = currentUser.require();
    OptimizationService.requireManagement(caller);
    Review r = service.get(id);
    if (input == null || (input.decisions() == null && input.all() == null)) {
      throw ValidationException.of("decisions", "请给出逐条决定（decisions）或全部接受/拒绝（all）");
    }
    Map<String, Long> counts = decisions.decide(id, input.decisions(), input.all(), input.reason(), caller.userId());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("counts", counts);
    boolean completed = false;
    if (Boolean.TRUE.equals(input.complete())) {
      if (counts.get("PENDING") > 0) {
        throw ValidationException.of("complete", "尚有 " + counts.get("PENDING") + " 条建议未决定，不能结束审核");
      }
      Task task = tasks.createTaskQuery().processInstanceId(r.processInstanceId())
          .taskDefinitionKey(OptimizationVariables.REVIEW_TASK).singleResult();
      if (task != null) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(OptimizationVariables.BULK_DECISION, "PER_ROW");
        vars.put(OptimizationVariables.CANDIDATES, "[]");
        if (input.reason() != null) {
          vars.put(OptimizationVariables.REVIEW_REASON, input.reason());
        }
        tasks.complete(task.getId(), vars);
        completed = true;
      }
    }
    out.put("completed", completed);
    return out;
  }
}
