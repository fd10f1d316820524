package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.PlanService.blank;
import static cn.gov.gz.govcloud.drill.PlanService.blankToNull;
import static cn.gov.gz.govcloud.drill.PlanService.instant;
import static cn.gov.gz.govcloud.drill.PlanService.ts;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.drill.ContingencyPlan.StageTarget;
import cn.gov.gz.govcloud.drill.Drill.Improvement;
import cn.gov.gz.govcloud.drill.Drill.Participant;
import cn.gov.gz.govcloud.drill.Drill.Stage;
import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.web.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drills (P6 7.4.2.2): one per plan at a time; the plan, participants and their training confirmations, the stages
 * with their times against the plan's targets, the feedback, and the improvements with the owner's decisions.
 * The bean is also named in the model: the multi-instance tasks iterate over
 * {@code drillService.participants(drillId)}.
 */
@Service("drillService")
public class DrillService {

  private static final String COLUMNS = "d.id, d.drill_no, d.plan_id, p.plan_no, d.plan_version, p.unit_code, "
      + "d.process_instance_id, d.trigger_kind, d.status, d.organiser, d.purpose, d.scenario_type, d.scenario, "
      + "d.business_system_code, d.emergency_category, d.steps, d.precautions, d.scheduled_at, d.training_due_at, "
      + "d.held_at, d.result, d.summary, d.emergency_no, d.report_id, d.new_plan_version, d.created_at, d.closed_at";
  private static final String FROM = " FROM drill d JOIN contingency_plan p ON p.id = d.plan_id";

  private final JdbcClient jdbc;
  private final PlanService plans;
  private final Clock clock;

  DrillService(JdbcClient jdbc, PlanService plans, Clock clock) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.clock = clock;
  }

  /** Opens a drill of the plan; refused while another drill of the same plan is open. */
  @Transactional
  public Drill open(String planNo, String trigger, String processInstanceId) {
    if (blank(planNo)) {
      throw ValidationException.of(DrillVariables.PLAN_NO, "请指定要演练的应急预案编号");
    }
    ContingencyPlan plan = plans.find(planNo.strip())
        .orElseThrow(() -> ValidationException.of(DrillVariables.PLAN_NO, "应急预案不存在: " + planNo));
    Optional<Drill> open = openDrillOf(plan.id());
    if (open.isPresent()) {
      throw ValidationException.of(DrillVariables.PLAN_NO, "该预案已有进行中的演练 " + open.get().drillNo());
    }
    Instant now = clock.instant();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO drill (drill_no, plan_id, plan_version, process_instance_id, trigger_kind, status, "
            + "created_at) VALUES (?, ?, ?, ?, ?, 'PLANNING', ?)")
        .params("TMP-" + java.util.UUID.randomUUID().toString().substring(0, 20), plan.id(), plan.currentVersion(),
            processInstanceId, trigger, ts(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE drill SET drill_no = ? WHERE id = ?").params(CaseNumbers.of("YL", id, now), id).update();
    return get(id);
  }

  public Optional<Drill> openDrillOf(long planId) {
    return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.plan_id = ? AND d.closed_at IS NULL").param(planId)
        .query(DrillService::map).optional();
  }

  /** The plan of the drill (P6 7.4.2.2.1): purpose, date, scenario, steps, precautions, participants. */
  @Transactional
  public Drill planned(long id, String organiser, String purpose, String scenarioType, String scenario,
      String businessSystemCode, String category, String steps, String precautions, Instant scheduledAt,
      Instant trainingDue, List<String> participants) {
    jdbc.sql("UPDATE drill SET status = 'TRAINING', organiser = ?, purpose = ?, scenario_type = ?, scenario = ?, "
            + "business_system_code = ?, emergency_category = ?, steps = ?, precautions = ?, scheduled_at = ?, "
            + "training_due_at = ? WHERE id = ?")
        .params(organiser, purpose, scenarioType, scenario, businessSystemCode, category, steps, precautions,
            ts(scheduledAt), ts(trainingDue), id)
        .update();
    jdbc.sql("DELETE FROM drill_participant WHERE drill_id = ?").param(id).update();
    for (String user : participants) {
      jdbc.sql("INSERT INTO drill_participant (drill_id, user_id) VALUES (?, ?)").params(id, user).update();
    }
    return get(id);
  }

  /** The users who take part, in the order planned: the collection of the multi-instance tasks. */
  public List<String> participants(long drillId) {
    return jdbc.sql("SELECT user_id FROM drill_participant WHERE drill_id = ? ORDER BY id").param(drillId)
        .query(String.class).list();
  }

  @Transactional
  public void trainingConfirmed(long id, String user) {
    jdbc.sql("UPDATE drill_participant SET confirmed_at = ? WHERE drill_id = ? AND user_id = ? "
        + "AND confirmed_at IS NULL").params(ts(clock.instant()), id, user).update();
  }

  /** The participants who have not confirmed their training; they are marked as escalated. */
  @Transactional
  public List<String> escalateUnconfirmed(long id) {
    List<String> users = jdbc.sql("SELECT user_id FROM drill_participant WHERE drill_id = ? AND confirmed_at IS NULL "
        + "ORDER BY id").param(id).query(String.class).list();
    jdbc.sql("UPDATE drill_participant SET escalated_at = ? WHERE drill_id = ? AND confirmed_at IS NULL")
        .params(ts(clock.instant()), id).update();
    return users;
  }

  @Transactional
  public void status(long id, String status) {
    jdbc.sql("UPDATE drill SET status = ? WHERE id = ?").params(status, id).update();
  }

  /** The drill was held: its stages with times, the result; the plan counts as drilled at the drill's start. */
  @Transactional
  public void held(long id, List<Stage> stages, String result, String summary, String emergencyNo) {
    Drill d = get(id);
    jdbc.sql("DELETE FROM drill_stage WHERE drill_id = ?").param(id).update();
    int seq = 0;
    Instant start = null;
    for (Stage s : stages) {
      jdbc.sql("INSERT INTO drill_stage (drill_id, seq, stage, source, started_at, ended_at, target_s, note) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, ++seq, s.stage(), s.source(), ts(s.startedAt()), ts(s.endedAt()), s.targetSeconds(),
              s.note())
          .update();
      start = start == null || s.startedAt().isBefore(start) ? s.startedAt() : start;
    }
    Instant heldAt = start != null ? start : d.scheduledAt() != null ? d.scheduledAt() : clock.instant();
    jdbc.sql("UPDATE drill SET status = 'FEEDBACK', held_at = ?, result = ?, summary = ?, emergency_no = ? "
            + "WHERE id = ?")
        .params(ts(heldAt), result, summary, emergencyNo, id).update();
    plans.drilled(d.planId(), heldAt);
  }

  /** A participant's observations and problems; suggestions become improvements for the plan owner to decide. */
  @Transactional
  public void feedback(long id, String user, String observations, String problems, String suggestions) {
    jdbc.sql("UPDATE drill_participant SET observations = ?, problems = ?, feedback_at = ? WHERE drill_id = ? "
            + "AND user_id = ?")
        .params(observations, problems, ts(clock.instant()), id, user).update();
    if (!blank(suggestions)) {
      for (String line : suggestions.split("\\R")) {
        String text = line.strip().replaceFirst("^[-•*\\d.、)）]+\\s*", "");
        if (!text.isEmpty()) {
          jdbc.sql("INSERT INTO drill_improvement (drill_id, proposed_by, text) VALUES (?, ?, ?)")
              .params(id, user, text.length() > 2000 ? text.substring(0, 2000) : text).update();
        }
      }
    }
  }

  @Transactional
  public void reported(long id, long reportId) {
    jdbc.sql("UPDATE drill SET status = 'REVISION', report_id = ? WHERE id = ?").params(reportId, id).update();
  }

  /** The owner's decision on one improvement. */
  @Transactional
  public void decide(long drillId, long improvementId, String decision, String reason, String by) {
    int n = jdbc.sql("UPDATE drill_improvement SET decision = ?, reason = ?, decided_by = ?, decided_at = ? "
            + "WHERE id = ? AND drill_id = ?")
        .params(decision, blankToNull(reason), by, ts(clock.instant()), improvementId, drillId).update();
    if (n == 0) {
      throw ValidationException.of(DrillVariables.IMPROVEMENTS, "改进项不属于本次演练: " + improvementId);
    }
  }

  /** The drill is closed; {@code newPlanVersion} is the plan version its accepted improvements produced, if any. */
  @Transactional
  public void closed(long id, Integer newPlanVersion) {
    if (newPlanVersion != null) {
      jdbc.sql("UPDATE drill_improvement SET plan_version = ? WHERE drill_id = ? AND decision = 'ACCEPTED'")
          .params(newPlanVersion, id).update();
    }
    jdbc.sql("UPDATE drill SET status = 'CLOSED', new_plan_version = ?, closed_at = ? WHERE id = ?")
        .params(newPlanVersion, ts(clock.instant()), id).update();
  }

  /** The plan's target for a stage, matched by name, in seconds. */
  static Long target(List<StageTarget> targets, String stage) {
    return targets.stream().filter(t -> t.stage().equals(stage.strip())).findFirst()
        .map(t -> t.minutes() * 60L).orElse(null);
  }

  public Drill get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.id = ?").param(id).query(DrillService::map).optional()
        .orElseThrow(() -> new NotFoundException("演练不存在: " + id));
  }

  public Drill.Detail detail(String drillNo, Caller caller) {
    Drill d = jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.drill_no = ?").param(drillNo)
        .query(DrillService::map).optional()
        .filter(x -> caller.seesAllUnits() || caller.unitCodes().contains(x.unitCode()))
        .orElseThrow(() -> new NotFoundException("演练不存在: " + drillNo));
    return detail(d.id());
  }

  public Drill.Detail detail(long id) {
    return new Drill.Detail(get(id), participantsOf(id), stages(id), improvements(id));
  }

  public List<Drill> search(Caller caller, String planNo, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!UnitScope.restrict(caller, "p.unit_code", sql, params)) {
      return List.of();
    }
    if (planNo != null) {
      sql.append(" AND p.plan_no = ?");
      params.add(planNo);
    }
    sql.append(" ORDER BY d.id DESC FETCH FIRST ").append(Math.min(Math.max(limit, 1), 500)).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(DrillService::map).list();
  }

  public List<Participant> participantsOf(long id) {
    return jdbc.sql("SELECT user_id, confirmed_at, escalated_at, observations, problems, feedback_at "
            + "FROM drill_participant WHERE drill_id = ? ORDER BY id").param(id)
        .query((rs, i) -> new Participant(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
            rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6))))
        .list();
  }

  public List<Stage> stages(long id) {
    return jdbc.sql("SELECT seq, stage, source, started_at, ended_at, target_s, note FROM drill_stage "
            + "WHERE drill_id = ? ORDER BY seq").param(id)
        .query((rs, i) -> new Stage(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
            instant(rs.getTimestamp(5)), (Long) rs.getObject(6, Long.class), rs.getString(7)))
        .list();
  }

  public List<Improvement> improvements(long id) {
    return jdbc.sql("SELECT id, proposed_by, text, decision, reason, decided_by, decided_at, plan_version "
            + "FROM drill_improvement WHERE drill_id = ? ORDER BY id").param(id)
        .query((rs, i) -> new Improvement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), (Integer) rs.getObject(8, Integer.class)))
        .list();
  }

  private static Drill map(ResultSet rs, int row) throws SQLException {
    return new Drill(rs.getLong("id"), rs.getString("drill_no"), rs.getLong("plan_id"), rs.getString("plan_no"),
        rs.getInt("plan_version"), rs.getString("unit_code"), rs.getString("process_instance_id"),
        rs.getString("trigger_kind"), rs.getString("status"), rs.getString("organiser"), rs.getString("purpose"),
        rs.getString("scenario_type"), rs.getString("scenario"), rs.getString("business_system_code"),
        rs.getString("emergency_category"), rs.getString("steps"), rs.getString("precautions"),
        instant(rs.getTimestamp("scheduled_at")), instant(rs.getTimestamp("training_due_at")),
        instant(rs.getTimestamp("held_at")), rs.getString("result"), rs.getString("summary"),
        rs.getString("emergency_no"), (Long) rs.getObject("report_id", Long.class),
        (Integer) rs.getObject("new_plan_version", Integer.class), instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("closed_at")));
  }
}
