package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.engine.Sql.ts;

import cn.gov.gz.govcloud.compliance.Implements;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contingency plans of a case (P6 7.4.2.3.3 根据应急预案启动应急响应流程; P3 5.3.2.5): the active plans of the
 * applicable types that cover the case's business system or the whole platform, read from the drill room's register
 * through {@code rv_contingency_plan}, attached with the version then current and its procedure, whose numbered
 * items are the steps the handling log refers to.
 */
@Implements(value = "P6 7.4.2.3.3", what = "按事件类别和等级启动适用的应急预案，处置任务显示预案步骤，处置记录注明依据的步骤")
@Implements(value = "P3 5.3.2.5", what = "按应急预案处置")
@Service
public class EmergencyPlans {

  /** NONE: the action follows no step of the plans (the plans do not cover it). */
  static final String NO_STEP = "NONE";

  private final JdbcClient jdbc;
  private final Clock clock;

  EmergencyPlans(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A plan attached to a case, with the steps of the version attached. */
  public record Plan(String planNo, int version, String title, String planType, List<String> steps) {}

  /** Attaches the active plans of these types covering the system (or the platform); returns the case's plans. */
  @Transactional
  public List<Plan> attach(long emergencyId, String businessSystemCode, Collection<String> planTypes) {
    if (!planTypes.isEmpty()) {
      List<Object> params = new ArrayList<>(List.of(businessSystemCode));
      params.addAll(planTypes);
      String in = String.join(", ", planTypes.stream().map(t -> "?").toList());
      jdbc.sql("SELECT plan_no, current_version, title, plan_type, response_procedure FROM rv_contingency_plan "
              + "WHERE status = 'ACTIVE' AND (business_system_code = ? OR business_system_code IS NULL) "
              + "AND plan_type IN (" + in + ") ORDER BY business_system_code NULLS LAST, plan_no")
          .params(params)
          .query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
              rs.getString(5)})
          .list().stream()
          .filter(r -> jdbc.sql("SELECT COUNT(*) FROM emergency_plan WHERE emergency_id = ? AND plan_no = ?")
              .params(emergencyId, r[0]).query(Long.class).single() == 0)
          .forEach(r -> jdbc.sql("INSERT INTO emergency_plan (emergency_id, plan_no, plan_version, title, plan_type, "
                  + "procedure_text, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
              .params(emergencyId, r[0], r[1], r[2], r[3], r[4], ts(clock.instant())).update());
    }
    return of(emergencyId);
  }

  /** The plans attached to the case, in the order attached. */
  public List<Plan> of(long emergencyId) {
    return jdbc.sql("SELECT plan_no, plan_version, title, plan_type, procedure_text FROM emergency_plan "
            + "WHERE emergency_id = ? ORDER BY id").param(emergencyId)
        .query((rs, i) -> new Plan(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            steps(rs.getString(5))))
        .list();
  }

  /** The active plans the improvement step may revise: those of the system or the platform, of any type. */
  public List<String[]> revisable(String businessSystemCode) {
    return jdbc.sql("SELECT plan_no, title, current_version FROM rv_contingency_plan WHERE status = 'ACTIVE' "
            + "AND (business_system_code = ? OR business_system_code IS NULL) ORDER BY plan_no")
        .param(businessSystemCode)
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3))}).list();
  }

  /** Whether the plan is an active plan of the register. */
  public boolean exists(String planNo) {
    return jdbc.sql("SELECT COUNT(*) FROM rv_contingency_plan WHERE plan_no = ? AND status = 'ACTIVE'")
        .param(planNo).query(Long.class).single() > 0;
  }

  /** The step a "planNo#n" choice names among the case's plans. */
  public Optional<Step> step(long emergencyId, String choice) {
    int hash = choice == null ? -1 : choice.lastIndexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    String planNo = choice.substring(0, hash);
    int n;
    try {
      n = Integer.parseInt(choice.substring(hash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return of(emergencyId).stream().filter(p -> p.planNo().equals(planNo) && n >= 1 && n <= p.steps().size())
        .findFirst().map(p -> new Step(p.planNo(), p.version(), n, p.steps().get(n - 1)));
  }

  /** One step of an attached plan. */
  public record Step(String planNo, int version, int number, String text) {}

  /**
   * The steps of a response procedure: its numbered items ("1. 接报与研判；2. 启动预案…" or one per line), or its lines
   * when it is not numbered.
   */
  static List<String> steps(String procedure) {
    if (procedure == null || procedure.isBlank()) {
      return List.of();
    }
    String lines = procedure.replaceAll("[；;。]\\s*(?=\\d{1,2}\\s*[.．、)）])", "\n");
    List<String> steps = new ArrayList<>();
    for (String line : lines.split("\\R")) {
      String s = line.strip().replaceFirst("^\\d{1,2}\\s*[.．、)）]\\s*", "").replaceFirst("[；;。]+$", "").strip();
      if (!s.isEmpty()) {
        steps.add(s);
      }
    }
    return steps;
  }
}
