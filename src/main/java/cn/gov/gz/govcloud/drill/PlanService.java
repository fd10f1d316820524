package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.drill.ContingencyPlan.StageTarget;
import cn.gov.gz.govcloud.drill.ContingencyPlan.Version;
import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contingency plans (P6 7.4.2.1) with their version history, and their drill frequency: the next drill is due the
 * required interval of the plan's type after the last drill (or after the plan was written, if never drilled).
 */
@Implements(value = "P6 7.4.2.1.2",
    what = "应急预案：组织、联络、资源、响应流程、恢复措施及各环节目标用时，按版本保存")
@Implements(value = "P6 7.4.2.1.3", what = "预案评审修订形成新版本，保留历史版本")
@Implements(value = "P3 5.3.2.2", what = "制定应急预案并及时修订")
@Implements(value = "GB 8.2.8 a 3", what = "应急响应预案")
@Implements(value = "GB 8.4.2 e 3", what = "应急预案管理")
@Implements(value = "P3 附录 D.1 第 20 项", what = "应急预案")
@Service
public class PlanService {

  private static final String COLUMNS = "id, plan_no, title, plan_type, unit_code, business_system_code, owner, "
      + "status, current_version, last_drilled_at, created_at, updated_at";
  private static final String VERSION_COLUMNS = "version, scope, risk_assessment, organisation, contact_chain, "
      + "resources, response_procedure, recovery_measures, stage_targets, change_reason, changed_by, changed_at, "
      + "drill_no, emergency_no";
  private static final TypeReference<List<StageTarget>> TARGETS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final OrganizationService organization;
  private final IdentityService identity;
  private final DrillProperties properties;
  private final ObjectMapper json;
  private final Clock clock;

  PlanService(JdbcClient jdbc, OrganizationService organization, IdentityService identity,
      DrillProperties properties, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.organization = organization;
    this.identity = identity;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /** Writes a new plan as version 1; refuses bad input naming every field. */
  @Transactional
  public ContingencyPlan create(PlanInput in, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (blank(in.title())) {
      errors.add(new FieldError(null, "title", "不能为空"));
    } else if (in.title().length() > 200) {
      errors.add(new FieldError(null, "title", "最长 200 字"));
    }
    PlanType type = null;
    if (blank(in.planType())) {
      errors.add(new FieldError(null, "planType", "不能为空，取值 APPLICATION_DR、DATA_DR、SECURITY、GENERAL"));
    } else {
      try {
        type = PlanType.valueOf(in.planType().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(null, "planType", "取值无效: " + in.planType()));
      }
    }
    BusinessSystem system = null;
    if (!blank(in.businessSystemCode())) {
      system = organization.findSystem(in.businessSystemCode().strip()).orElse(null);
      if (system == null) {
        errors.add(new FieldError(null, "businessSystemCode", "业务系统不存在: " + in.businessSystemCode()));
      }
    }
    if (blank(in.owner())) {
      errors.add(new FieldError(null, "owner", "请指定预案负责人"));
    } else if (identity.createUserQuery().userId(in.owner().strip()).count() == 0) {
      errors.add(new FieldError(null, "owner", "用户不存在: " + in.owner()));
    }
    if (in.lastDrilledAt() != null && in.lastDrilledAt().isAfter(clock.instant())) {
      errors.add(new FieldError(null, "lastDrilledAt", "上次演练时间不能晚于当前时间"));
    }
    validateContent(in.scope(), in.riskAssessment(), in.responseProcedure(), in.stageTargets(), errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Instant now = clock.instant();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO contingency_plan (plan_no, title, plan_type, unit_code, business_system_code, owner, status, "
            + "current_version, last_drilled_at, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', 1, ?, ?, ?)")
        .params("TMP-" + java.util.UUID.randomUUID().toString().substring(0, 20), in.title().strip(), type.name(),
            system == null ? null : system.unitCode(), system == null ? null : system.code(), in.owner().strip(),
            ts(in.lastDrilledAt()), ts(now), ts(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE contingency_plan SET plan_no = ? WHERE id = ?").params(CaseNumbers.of("YA", id, now), id)
        .update();
    insertVersion(id, 1, in.scope(), in.riskAssessment(), in.organisation(), in.contactChain(), in.resources(),
        in.responseProcedure(), in.recoveryMeasures(), in.stageTargets(),
        blank(in.changeReason()) ? "预案编制发布" : in.changeReason(), by, null, null);
    return get(id);
  }

  /**
   * A new version of a plan: content not given stays as in the current version; the reason is required, and the
   * drill or emergency that led to it is linked.
   */
  @Transactional
  public Version revise(String planNo, PlanInput in, String by) {
    ContingencyPlan plan = get(planNo);
    Version current = currentVersion(plan.id());
    List<FieldError> errors = new ArrayList<>();
    if (blank(in.changeReason())) {
      errors.add(new FieldError(null, "changeReason", "请说明修订原因"));
    }
    List<StageTarget> targets = in.stageTargets() == null ? current.stageTargets() : in.stageTargets();
    validateContent(or(in.scope(), current.scope()), or(in.riskAssessment(), current.riskAssessment()),
        or(in.responseProcedure(), current.responseProcedure()), targets, errors);
    if (!blank(in.drillNo()) && jdbc.sql("SELECT COUNT(*) FROM drill WHERE drill_no = ? AND plan_id = ?")
        .params(in.drillNo().strip(), plan.id()).query(Long.class).single() == 0) {
      errors.add(new FieldError(null, "drillNo", "不是本预案的演练: " + in.drillNo()));
    }
    if (!blank(in.emergencyNo()) && jdbc.sql("SELECT COUNT(*) FROM rv_emergency WHERE emergency_no = ?")
        .param(in.emergencyNo().strip()).query(Long.class).single() == 0) {
      errors.add(new FieldError(null, "emergencyNo", "应急事件不存在: " + in.emergencyNo()));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    int version = current.version() + 1;
    insertVersion(plan.id(), version, or(in.scope(), current.scope()),
        or(in.riskAssessment(), current.riskAssessment()), or(in.organisation(), current.organisation()),
        or(in.contactChain(), current.contactChain()), or(in.resources(), current.resources()),
        or(in.responseProcedure(), current.responseProcedure()),
        or(in.recoveryMeasures(), current.recoveryMeasures()), targets, in.changeReason().strip(), by,
        blankToNull(in.drillNo()), blankToNull(in.emergencyNo()));
    jdbc.sql("UPDATE contingency_plan SET current_version = ?, updated_at = ? WHERE id = ?")
        .params(version, ts(clock.instant()), plan.id()).update();
    return versions(plan.id()).get(0);
  }

  private void validateContent(String scope, String risk, String procedure, List<StageTarget> targets,
      List<FieldError> errors) {
    if (blank(scope)) {
      errors.add(new FieldError(null, "scope", "请写明适用范围"));
    }
    if (blank(risk)) {
      errors.add(new FieldError(null, "riskAssessment", "请写明风险类型与影响评估"));
    }
    if (blank(procedure)) {
      errors.add(new FieldError(null, "responseProcedure", "请写明应急响应流程"));
    } else if (procedure.length() > 8000) {
      errors.add(new FieldError(null, "responseProcedure", "最长 8000 字"));
    }
    if (targets != null) {
      for (int i = 0; i < targets.size(); i++) {
        StageTarget t = targets.get(i);
        if (t == null || blank(t.stage())) {
          errors.add(new FieldError(i, "stageTargets.stage", "环节名称不能为空"));
        } else if (t.minutes() == null || t.minutes() <= 0) {
          errors.add(new FieldError(i, "stageTargets.minutes", "目标用时（分钟）须为正整数"));
        }
      }
    }
  }

  private void insertVersion(long planId, int version, String scope, String risk, String organisation,
      String contacts, String resources, String procedure, String recovery, List<StageTarget> targets,
      String reason, String by, String drillNo, String emergencyNo) {
    jdbc.sql("INSERT INTO contingency_plan_version (plan_id, version, scope, risk_assessment, organisation, "
            + "contact_chain, resources, response_procedure, recovery_measures, stage_targets, change_reason, "
            + "changed_by, changed_at, drill_no, emergency_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(planId, version, scope.strip(), risk.strip(), blankToNull(organisation), blankToNull(contacts),
            blankToNull(resources), procedure.strip(), blankToNull(recovery),
            write(targets == null ? List.of() : targets.stream()
                .map(t -> new StageTarget(t.stage().strip(), t.minutes())).toList()),
            reason, by, ts(clock.instant()), drillNo, emergencyNo)
        .update();
  }

  /** A drill of the plan was held: its time counts for the frequency. */
  @Transactional
  public void drilled(long planId, Instant at) {
    jdbc.sql("UPDATE contingency_plan SET last_drilled_at = ?, updated_at = ? WHERE id = ? "
            + "AND (last_drilled_at IS NULL OR last_drilled_at < ?)")
        .params(ts(at), ts(clock.instant()), planId, ts(at)).update();
  }

  public ContingencyPlan get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contingency_plan WHERE id = ?").param(id).query(this::map)
        .optional().orElseThrow(() -> new NotFoundException("应急预案不存在: " + id));
  }

  public ContingencyPlan get(String planNo) {
    return find(planNo).orElseThrow(() -> new NotFoundException("应急预案不存在: " + planNo));
  }

  public Optional<ContingencyPlan> find(String planNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contingency_plan WHERE plan_no = ?").param(planNo)
        .query(this::map).optional();
  }

  /** A plan the caller may read (unit users: plans of their unit's systems). */
  public ContingencyPlan get(String planNo, Caller caller) {
    return find(planNo).filter(p -> caller.seesAllUnits() || caller.unitCodes().contains(p.unitCode()))
        .orElseThrow(() -> new NotFoundException("应急预案不存在: " + planNo));
  }

  /** Plans the caller may read, optionally only one type or only those overdue for a drill. */
  public List<ContingencyPlan> search(Caller caller, PlanType type, Boolean overdue) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM contingency_plan WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!UnitScope.restrict(caller, "unit_code", sql, params)) {
      return List.of();
    }
    if (type != null) {
      sql.append(" AND plan_type = ?");
      params.add(type.name());
    }
    sql.append(" ORDER BY plan_no");
    return jdbc.sql(sql.toString()).params(params).query(this::map).list().stream()
        .filter(p -> overdue == null || p.overdue() == overdue).toList();
  }

  /** Every plan overdue for a drill by its type's required frequency. */
  public List<ContingencyPlan> overdue() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contingency_plan WHERE status = 'ACTIVE' ORDER BY plan_no")
        .query(this::map).list().stream().filter(ContingencyPlan::overdue).toList();
  }

  public Version currentVersion(long planId) {
    return versions(planId).get(0);
  }

  /** The version history, newest first. */
  public List<Version> versions(long planId) {
    return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM contingency_plan_version WHERE plan_id = ? "
            + "ORDER BY version DESC").param(planId).query(this::mapVersion).list();
  }

  /** When the next drill is due: the required interval after the last drill (or the plan's creation). */
  Instant nextDrillDue(PlanType type, Instant lastDrilled, Instant created) {
    Period interval = properties.requiredInterval().get(type.name());
    if (interval == null) {
      return null;
    }
    Instant from = lastDrilled != null ? lastDrilled : created;
    return from.atZone(WorkingCalendar.CHINA).plus(interval).toInstant();
  }

  private ContingencyPlan map(ResultSet rs, int row) throws SQLException {
    PlanType type = PlanType.valueOf(rs.getString("plan_type"));
    Instant last = instant(rs.getTimestamp("last_drilled_at"));
    Instant created = instant(rs.getTimestamp("created_at"));
    Instant due = nextDrillDue(type, last, created);
    return new ContingencyPlan(rs.getLong("id"), rs.getString("plan_no"), rs.getString("title"), type,
        rs.getString("unit_code"), rs.getString("business_system_code"), rs.getString("owner"),
        rs.getString("status"), rs.getInt("current_version"), last, created, instant(rs.getTimestamp("updated_at")),
        due, due != null && due.isBefore(clock.instant()));
  }

  private Version mapVersion(ResultSet rs, int row) throws SQLException {
    return new Version(rs.getInt("version"), rs.getString("scope"), rs.getString("risk_assessment"),
        rs.getString("organisation"), rs.getString("contact_chain"), rs.getString("resources"),
        rs.getString("response_procedure"), rs.getString("recovery_measures"), read(rs.getString("stage_targets")),
        rs.getString("change_reason"), rs.getString("changed_by"), instant(rs.getTimestamp("changed_at")),
        rs.getString("drill_no"), rs.getString("emergency_no"));
  }

  private String write(List<StageTarget> targets) {
    try {
      return json.writeValueAsString(targets);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<StageTarget> read(String text) {
    try {
      return text == null ? List.of() : json.readValue(text, TARGETS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String blankToNull(String s) {
    return blank(s) ? null : s.strip();
  }

  private static String or(String value, String otherwise) {
    return blank(value) ? otherwise : value;
  }
}
