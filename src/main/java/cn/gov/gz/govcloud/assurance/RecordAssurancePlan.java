package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.assurance.AssuranceService.PlannedShift;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The assurance plan (P6 7.3.3.2): preparation, resources held in reserve, the contingency plans to use, the factors
 * by which the period shortens the clocks in scope (P6 7.3.3.3 b, c), and the 7×24 watch rota (P6 7.3.3.3 a): shifts
 * that cover the whole period without a gap, each with at least one named watcher known to the system.
 */
@Component("recordAssurancePlan")
class RecordAssurancePlan extends ProcessStep {
  static final BigDecimal LOWEST_FACTOR = new BigDecimal("0.1");

  private final AssuranceService assurances;
  private final JsonVariables json;
  private final IdentityService identity;
  private final Privileged privileged;
  private final AssuranceProperties properties;
  private final JdbcClient jdbc;

  RecordAssurancePlan(AssuranceService assurances, JsonVariables json, IdentityService identity,
      Privileged privileged, AssuranceProperties properties, JdbcClient jdbc) {
    this.assurances = assurances;
    this.json = json;
    this.identity = identity;
    this.privileged = privileged;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = assuranceId(execution);
    Assurance a = assurances.get(id);
    List<FieldError> errors = new ArrayList<>();
    String planText = text(execution, PLAN_TEXT);
    if (planText == null) {
      errors.add(new FieldError(null, PLAN_TEXT, "请填写保障方案（组织、准备工作、响应安排）"));
    } else if (planText.length() > 4000) {
      errors.add(new FieldError(null, PLAN_TEXT, "最长 4000 字"));
    }
    String plansUsed = text(execution, CONTINGENCY_PLANS);
    for (String planNo : AssuranceRequests.codes(plansUsed)) {
      if (jdbc.sql("SELECT COUNT(*) FROM rv_contingency_plan WHERE plan_no = ?").param(planNo).query(Long.class)
          .single() == 0) {
        errors.add(new FieldError(null, CONTINGENCY_PLANS, "应急预案不存在: " + planNo));
      }
    }
    BigDecimal response = factor(execution, RESPONSE_FACTOR, properties.responseFactor(), errors);
    BigDecimal application = factor(execution, APPLICATION_FACTOR, properties.applicationFactor(), errors);
    List<PlannedShift> shifts = rota(execution, a, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    assurances.planned(id, planText, text(execution, RESERVE_RESOURCES), plansUsed == null ? null
        : String.join(", ", AssuranceRequests.codes(plansUsed)), response, application, shifts, actor(execution));
  }

  /** A factor between 0.1 and 1 (1: the clock is not shortened); the setting's default when left empty. */
  private static BigDecimal factor(DelegateExecution execution, String name, BigDecimal fallback,
      List<FieldError> errors) {
    String v = text(execution, name);
    if (v == null) {
      return fallback;
    }
    try {
      BigDecimal f = new BigDecimal(v);
      if (f.compareTo(LOWEST_FACTOR) < 0 || f.compareTo(BigDecimal.ONE) > 0) {
        errors.add(new FieldError(null, name, "取值 0.1 至 1（1 表示不缩短时限）"));
      }
      return f;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(null, name, "应为数字，如 0.5"));
      return fallback;
    }
  }

  private List<PlannedShift> rota(DelegateExecution execution, Assurance a, List<FieldError> errors) {
    List<Map<String, Object>> rows = json.read(execution, ROTA, new TypeReference<>() {});
    List<PlannedShift> shifts = new ArrayList<>();
    if (rows == null || rows.isEmpty()) {
      errors.add(new FieldError(null, ROTA, "请安排值守班次：每班至少一名值守人员，覆盖整个保障时间（7×24 小时）"));
      return shifts;
    }
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      Integer row = i;
      Instant start = null;
      Instant end = null;
      try {
        start = time(r.get("startsAt"), ROTA + ".startsAt");
        end = time(r.get("endsAt"), ROTA + ".endsAt");
      } catch (ValidationException e) {
        e.errors().forEach(f -> errors.add(new FieldError(row, f.field(), f.message())));
      }
      List<String> watchers = AssuranceRequests.codes(r.get("watchers") == null ? null : r.get("watchers").toString());
      if (start == null || end == null) {
        errors.add(new FieldError(row, ROTA, "请填写班次的开始和结束时间"));
        continue;
      }
      if (!end.isAfter(start)) {
        errors.add(new FieldError(row, ROTA + ".endsAt", "结束时间须晚于开始时间"));
        continue;
      }
      if (Duration.between(start, end).compareTo(properties.longestShift()) > 0) {
        errors.add(new FieldError(row, ROTA + ".endsAt", "一个班次最长 " + properties.longestShift().toHours()
            + " 小时"));
      }
      if (watchers.isEmpty()) {
        errors.add(new FieldError(row, ROTA + ".watchers", "每个班次至少安排一名值守人员"));
      }
      for (String w : watchers) {
        if (privileged.run(() -> identity.createUserQuery().userId(w).count()) == 0) {
          errors.add(new FieldError(row, ROTA + ".watchers", "用户不存在: " + w));
        }
      }
      Object contact = r.get("contact");
      shifts.add(new PlannedShift(start, end, watchers,
          contact == null || contact.toString().isBlank() ? null : contact.toString().strip()));
    }
    shifts.sort(Comparator.comparing(PlannedShift::startsAt));
    if (!shifts.isEmpty() && errors.isEmpty()) {
      coverage(shifts, a, errors);
    }
    return shifts;
  }

  /** The shifts cover [from, to) without a gap (P6 7.3.3.3 a: 7×24). */
  private static void coverage(List<PlannedShift> shifts, Assurance a, List<FieldError> errors) {
    if (shifts.get(0).startsAt().isAfter(a.periodFrom())) {
      errors.add(new FieldError(null, ROTA, "第一个班次须不晚于保障开始时间 " + AssuranceNotices.period(a).split(" 至 ")[0]
          + " 开始"));
    }
    Instant covered = shifts.get(0).endsAt();
    for (PlannedShift s : shifts.subList(1, shifts.size())) {
      if (s.startsAt().isAfter(covered)) {
        errors.add(new FieldError(null, ROTA, "值守有空档：" + cn.gov.gz.govcloud.report.TemplateReport.time(covered)
            + " 至 " + cn.gov.gz.govcloud.report.TemplateReport.time(s.startsAt()) + " 无人值守"));
      }
      covered = s.endsAt().isAfter(covered) ? s.endsAt() : covered;
    }
    if (covered.isBefore(a.periodTo())) {
      errors.add(new FieldError(null, ROTA, "值守须覆盖至保障结束时间 " + cn.gov.gz.govcloud.report.TemplateReport.time(
          a.periodTo()) + "，目前只到 " + cn.gov.gz.govcloud.report.TemplateReport.time(covered)));
    }
  }
}
