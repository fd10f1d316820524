package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.optimization.OptimizationVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.optimization.OptimizationService.Decision;
import cn.gov.gz.govcloud.optimization.OptimizationService.Execution;
import cn.gov.gz.govcloud.optimization.OptimizationService.FollowUp;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** The delegates of {@code optimization-review}, each a thin step over {@link OptimizationService}. */
final class OptimizationSteps {

  private OptimizationSteps() {}

  static long reviewId(DelegateExecution execution) {
    return ((Number) execution.getVariable(REVIEW_ID)).longValue();
  }

  static String unit(DelegateExecution execution) {
    return text(execution, ACTION_UNIT);
  }

  /** A day from a form (Date, "2026-11-01", or an ISO date-time: its day in China). */
  static LocalDate day(Object value, String field) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), WorkingCalendar.CHINA);
    }
    String s = value.toString().strip();
    try {
      return s.length() == 10 ? LocalDate.parse(s)
          : LocalDate.ofInstant(java.time.OffsetDateTime.parse(s).toInstant(), WorkingCalendar.CHINA);
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, "日期格式应为 2026-11-01: " + s);
    }
  }

  /**
   * Start (P6 7.5.1): registers the review of a period, by default the previous calendar month (the monthly timer).
   */
  @Component("prepareOptimizationReview")
  static class Prepare extends ProcessStep {
    private final OptimizationService service;
    private final OptimizationProperties properties;
    private final Clock clock;

    Prepare(OptimizationService service, OptimizationProperties properties, Clock clock) {
      this.service = service;
      this.properties = properties;
      this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
      LocalDate from = day(execution.getVariable(PERIOD_FROM), PERIOD_FROM);
      LocalDate to = day(execution.getVariable(PERIOD_TO), PERIOD_TO);
      String month = null;
      if (from == null && to == null) {
        YearMonth last = YearMonth.from(LocalDate.ofInstant(clock.instant(), WorkingCalendar.CHINA)).minusMonths(1);
        from = last.atDay(1);
        to = last.atEndOfMonth();
        month = last.toString();
        var existing = service.findMonthly(month);
        if (existing.isPresent()) {
          throw new BpmnError(MONTH_ALREADY_REVIEWED, last + " 已有定期评审 " + existing.get().reviewNo());
        }
      } else if (from == null) {
        throw ValidationException.of(PERIOD_FROM, "请给出统计起始日期");
      } else if (to == null) {
        throw ValidationException.of(PERIOD_TO, "请给出统计截止日期");
      } else if (to.isBefore(from)) {
        throw ValidationException.of(PERIOD_TO, "截止日期不能早于起始日期");
      }
      if (to.isAfter(LocalDate.ofInstant(clock.instant(), WorkingCalendar.CHINA))) {
        throw ValidationException.of(PERIOD_TO, "统计截止日期不能晚于今天");
      }
      Review review = service.create(from, to, month, execution.getProcessInstanceId(), actor(execution));
      execution.setVariable(REVIEW_ID, review.id());
      execution.setVariable(REVIEW_NO, review.reviewNo());
      execution.setVariable(PERIOD_FROM, from.toString());
      execution.setVariable(PERIOD_TO, to.toString());
      execution.setVariable(REVIEW_DUE, Date.from(clock.instant().plus(properties.reviewWithin())));
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(review.reviewNo());
      }
    }
  }

  /** Statistics (P6 7.5.2): what every resource of the ledger used in the period, from the monitoring aggregates. */
  @Component("optimizationStatistics")
  static class Statistics extends ProcessStep {
    private final OptimizationService service;

    Statistics(OptimizationService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      service.computeUsage(reviewId(execution));
    }
  }

  /** Efficiency (P6 7.5.3): the cost of every resource over the period by the billing rules. */
  @Component("optimizationEfficiency")
  static class Efficiency extends ProcessStep {
    private final OptimizationService service;

    Efficiency(OptimizationService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      service.computeCosts(reviewId(execution));
    }
  }

  /** Candidates (P3 Appendix C): every resource through the decision appendix-c-candidates. */
  @Component("classifyOptimizationCandidates")
  static class Classify extends ProcessStep {
    private final OptimizationService service;

    Classify(OptimizationService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      execution.setVariable(CANDIDATE_COUNT, service.classify(reviewId(execution)));
    }
  }

  /** One row of the review form. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record CandidateRow(Long candidateId, String resourceId, String unit, String action, String evidence,
      String saving, String decision, String decisionReason) {}

  /**
   * Reports (P6 7.5.2, 7.5.3): the statistics and efficiency reports, filed in the archive; then the candidates go to
   * management's review with the first rows listed in the form.
   */
  @Component("writeOptimizationReports")
  static class WriteReports extends ProcessStep {
    private final OptimizationService service;
    private final OptimizationReports reports;
    private final OptimizationProperties properties;
    private final JsonVariables json;

    WriteReports(OptimizationService service, OptimizationReports reports, OptimizationProperties properties,
        JsonVariables json) {
      this.service = service;
      this.reports = reports;
      this.properties = properties;
      this.json = json;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = reviewId(execution);
      ReportDocument stats = reports.statistics(id, execution.getProcessInstanceId(), actor(execution));
      ReportDocument eff = reports.efficiency(id, execution.getProcessInstanceId(), actor(execution));
      service.reports(id, stats.id(), eff.id());
      Review r = service.get(id);
      List<Candidate> list = service.candidates(id, null, null, null, null, properties.formRows());
      service.status(id, list.isEmpty() ? Review.Status.NOTHING_TO_DO : Review.Status.IN_REVIEW);
      List<CandidateRow> rows = list.stream().map(c -> new CandidateRow(c.id(), c.resourceId(), c.unitCode(),
          Candidate.actionLabel(c.action()) + "：" + c.ruleLabel(), c.evidence(), c.estimatedSaving().toPlainString(),
          null, null)).toList();
      execution.setVariable(CANDIDATES, SpinValues.jsonValue(json.write(rows)).create());
      Map<String, Long> byAction = service.candidates(id, null, null, null, null, Integer.MAX_VALUE).stream()
          .collect(Collectors.groupingBy(c -> Candidate.actionLabel(c.action()), LinkedHashMap::new,
              Collectors.counting()));
      String summary = "评审 " + r.reviewNo() + "（" + r.periodFrom() + " 至 " + r.periodTo() + "）：资源 "
          + r.resources() + " 项，本期费用 " + r.totalCost() + " 元，附录 C 判定 " + r.candidates() + " 项建议（"
          + byAction.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("、"))
          + "）。资源使用统计报告（第 " + stats.version() + " 版）与效能分析报告（第 " + eff.version() + " 版）已归档，"
          + "可点击任务上方“相关文档”中的按钮打开。";
      if (r.candidates() != null && r.candidates() > rows.size()) {
        summary += "\n表中列出预计节约最多的前 " + rows.size() + " 项；其余请用下方“其余未逐条决定的建议”一次接受或拒绝。";
      }
      if (r.previousReviewId() != null) {
        summary += "\n" + OptimizationReports.followUpText(service.followUp(r.previousReviewId()));
      }
      execution.setVariable(REVIEW_SUMMARY, summary);
    }
  }

  /**
   * Management's review (P6 7.5.4.1): decisions per row, then "accept all" or "reject all" for the rest; every
   * candidate must be decided, a rejection needs a reason.
   */
  @Component("applyOptimizationDecisions")
  static class ApplyDecisions extends ProcessStep {
    private final OptimizationService service;
    private final JsonVariables json;

    ApplyDecisions(OptimizationService service, JsonVariables json) {
      this.service = service;
      this.json = json;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = reviewId(execution);
      List<CandidateRow> rows = json.read(execution, CANDIDATES, new TypeReference<List<CandidateRow>>() {});
      List<Decision> decisions = new ArrayList<>();
      for (CandidateRow row : rows == null ? List.<CandidateRow>of() : rows) {
        if (row != null && row.decision() != null && !row.decision().isBlank()) {
          decisions.add(new Decision(row.candidateId(), row.decision(), row.decisionReason()));
        }
      }
      String bulk = text(execution, BULK_DECISION);
      String all = "ACCEPT_ALL".equals(bulk) ? "ACCEPT" : "REJECT_ALL".equals(bulk) ? "REJECT" : null;
      if (bulk != null && !List.of("ACCEPT_ALL", "REJECT_ALL", "PER_ROW").contains(bulk)) {
        throw ValidationException.of(BULK_DECISION, "取值 PER_ROW（逐条决定）、ACCEPT_ALL（其余全部接受）或 REJECT_ALL（其余全部拒绝）");
      }
      Map<String, Long> counts = service.decide(id, decisions, all, text(execution, REVIEW_REASON),
          actor(execution));
      if (counts.get("PENDING") > 0) {
        throw ValidationException.of(BULK_DECISION, "尚有 " + counts.get("PENDING")
            + " 条建议未决定：请逐条选择，或选择其余全部接受/全部拒绝");
      }
      long accepted = counts.get("ACCEPTED");
      execution.setVariable(ACCEPTED_COUNT, accepted);
      service.status(id, accepted == 0 ? Review.Status.CLOSED : Review.Status.ACTING);
      service.event(id, null, "REVIEWED", "管理方审核：接受 " + accepted + " 项，拒绝 " + counts.get("REJECTED") + " 项",
          actor(execution));
    }
  }

  static String itemsText(List<Candidate> items) {
    return items.stream().map(c -> "· " + c.resourceId() + "（" + ResourceType.valueOf(c.type()).label() + "）"
        + Candidate.actionLabel(c.action()) + "：" + c.ruleLabel() + "\n  " + c.evidence() + "\n  建议规格："
        + proposal(c) + "；预计每月节约 " + c.estimatedSaving() + " 元").collect(Collectors.joining("\n"));
  }

  static String proposal(Candidate c) {
    return switch (c.action()) {
      case "REVOKE" -> "释放资源";
      case "PLUGIN_ABNORMAL" -> "安装或修复监控插件，规格不变";
      default -> "vCPU " + c.vcpu() + "→" + c.proposedVcpu() + "，内存 " + c.memoryGb() + "→" + c.proposedMemoryGb()
          + " GB，存储 " + plain(c.diskTb()) + "→" + plain(c.proposedDiskTb()) + " TB";
    };
  }

  static String plain(BigDecimal d) {
    return d == null ? "—" : d.stripTrailingZeros().toPlainString();
  }

  /** Tells one unit its accepted recommendations and opens its confirmation (P6 7.5.4.2). */
  @Component("prepareUnitConfirmation")
  static class PrepareUnit extends ProcessStep {
    private final OptimizationService service;
    private final OptimizationProperties properties;
    private final Clock clock;

    PrepareUnit(OptimizationService service, OptimizationProperties properties, Clock clock) {
      this.service = service;
      this.properties = properties;
      this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = reviewId(execution);
      String unit = unit(execution);
      List<Candidate> items = service.unitItems(id, unit);
      execution.setVariableLocal(UNIT_SUMMARY, "评审 " + text(execution, REVIEW_NO) + " 经管理方审核，对贵单位的 "
          + items.size() + " 项资源提出优化建议（DB4401/T 294.3 附录 C）：\n" + itemsText(items));
      execution.setVariableLocal(UNIT_DUE, Date.from(clock.instant().plus(properties.confirmWithin())));
      for (String name : List.of(UNIT_DECISION, UNIT_COMMENT, OBJECTION_DECISION, MANAGEMENT_COMMENT,
          EXECUTION_ITEMS, EXECUTE_DUE)) {
        execution.setVariableLocal(name, null);
      }
      service.event(id, unit, "NOTIFIED", "已通知使用单位确认 " + items.size() + " 项优化建议", actor(execution));
    }
  }

  /** One row of the execution form. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ExecutionRow(Long candidateId, String resourceId, String action, String proposal, Integer vcpu,
      Integer memoryGb, BigDecimal diskTb, String note) {}

  /** The unit's answer: confirm, or object with a reason (which goes back to management). */
  @Component("recordUnitAnswer")
  static class RecordUnitAnswer extends ProcessStep {
    private final OptimizationService service;
    private final OptimizationProperties properties;
    private final JsonVariables json;
    private final Clock clock;

    RecordUnitAnswer(OptimizationService service, OptimizationProperties properties, JsonVariables json,
        Clock clock) {
      this.service = service;
      this.properties = properties;
      this.json = json;
      this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
      String decision = text(execution, UNIT_DECISION);
      if (!"CONFIRM".equals(decision) && !"OBJECT".equals(decision)) {
        throw ValidationException.of(UNIT_DECISION, "请选择确认（CONFIRM）或提出异议（OBJECT）");
      }
      long id = reviewId(execution);
      String unit = unit(execution);
      service.unitAnswer(id, unit, "CONFIRM".equals(decision), text(execution, UNIT_COMMENT), actor(execution));
      if ("CONFIRM".equals(decision)) {
        List<ExecutionRow> rows = service.unitItems(id, unit).stream()
            .filter(c -> "CONFIRMED".equals(c.unitStatus()))
            .map(c -> new ExecutionRow(c.id(), c.resourceId(), Candidate.actionLabel(c.action()), proposal(c),
                c.proposedVcpu(), c.proposedMemoryGb(), c.proposedDiskTb(), null)).toList();
        execution.setVariable(EXECUTION_ITEMS, SpinValues.jsonValue(json.write(rows)).create());
        execution.setVariable(EXECUTE_DUE, Date.from(clock.instant().plus(properties.executeWithin())));
      }
    }
  }

  /** Management's answer to a unit's objection: withdraw the recommendations or maintain them. */
  @Component("recordObjectionDecision")
  static class RecordObjectionDecision extends ProcessStep {
    private final OptimizationService service;

    RecordObjectionDecision(OptimizationService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      String decision = text(execution, OBJECTION_DECISION);
      if (!"WITHDRAW".equals(decision) && !"MAINTAIN".equals(decision)) {
        throw ValidationException.of(OBJECTION_DECISION, "请选择采纳异议、撤回建议（WITHDRAW）或维持建议（MAINTAIN）");
      }
      service.objectionDecision(reviewId(execution), unit(execution), "WITHDRAW".equals(decision),
          text(execution, MANAGEMENT_COMMENT), actor(execution));
      execution.setVariable(UNIT_DECISION, null);
    }
  }

  /** Operators executed the confirmed recommendations: the ledger is changed (P6 7.5.4.3). */
  @Component("applyOptimizationExecution")
  static class ApplyExecution extends ProcessStep {
    private final OptimizationService service;
    private final JsonVariables json;

    ApplyExecution(OptimizationService service, JsonVariables json) {
      this.service = service;
      this.json = json;
    }

    @Override
    protected void run(DelegateExecution execution) {
      List<ExecutionRow> rows = json.read(execution, EXECUTION_ITEMS, new TypeReference<List<ExecutionRow>>() {});
      List<Execution> done = rows == null ? List.of() : rows.stream().map(r -> new Execution(r.candidateId(), r.vcpu(),
          r.memoryGb(), r.diskTb(), r.note())).toList();
      service.execute(reviewId(execution), unit(execution), done, actor(execution));
    }
  }

  /** A unit that has not answered is reminded (and the reminder recorded). */
  @Component("remindOptimizationUnit")
  static class RemindUnit extends ProcessStep {
    private final OptimizationService service;
    private final CaseNotifier notifier;

    RemindUnit(OptimizationService service, CaseNotifier notifier) {
      this.service = service;
      this.notifier = notifier;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = reviewId(execution);
      String unit = unit(execution);
      String no = text(execution, REVIEW_NO);
      notifier.toGroups(List.of(Groups.unitGroup(unit)), "optimization-reminder", no + "-" + unit, "资源优化 " + no,
          "请确认资源优化建议", "贵单位尚未确认或答复资源优化建议，请在任务中心办理。",
          "评审编号：" + no + "\n使用单位：" + unit);
      service.event(id, unit, "REMINDED", "催办：提醒使用单位确认优化建议", "system");
    }
  }

  /** Follow-up (P6 7.5.4.4): the review is closed; management is told what was done and saved. */
  @Component("closeOptimizationReview")
  static class Close extends ProcessStep {
    private final OptimizationService service;
    private final CaseNotifier notifier;

    Close(OptimizationService service, CaseNotifier notifier) {
      this.service = service;
      this.notifier = notifier;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = reviewId(execution);
      Review r = service.get(id);
      if (r.status() != Review.Status.NOTHING_TO_DO) {
        service.status(id, Review.Status.CLOSED);
      }
      FollowUp f = service.followUp(id);
      notifier.toGroups(List.of(Groups.MANAGEMENT, Groups.OPS_MANAGER), "optimization-closed", r.reviewNo(),
          "资源优化 " + r.reviewNo(), "资源优化评审已完成", OptimizationReports.followUpText(f)
              .replace("上期评审", "评审"), "统计周期：" + r.periodFrom() + " 至 " + r.periodTo());
    }
  }
}
