package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.PlanService.instant;
import static cn.gov.gz.govcloud.drill.PlanService.ts;

import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic reviews of the contingency plans with the parties (P6 7.4.2.1.3): every active plan is reviewed the
 * configured interval after its last review (or after it was written); the review opens the configured lead before
 * it is due, one open review per plan at a time.
 */
@Implements(value = "P6 7.4.2.1.3", what = "定期组织相关方评审应急预案：到期前提醒，记录参加方、结论和修订版本")
@Service
public class PlanReviews {

  private static final String COLUMNS = "id, plan_id, plan_version, due_at, process_instance_id, started_at, "
      + "reviewed_at, reviewed_by, participants, result, reason, new_version";

  private final JdbcClient jdbc;
  private final PlanService plans;
  private final DrillProperties properties;
  private final Clock clock;

  PlanReviews(JdbcClient jdbc, PlanService plans, DrillProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.properties = properties;
    this.clock = clock;
  }

  /** When the plan's next review is due: the interval after its last review, or after the plan was written. */
  public Instant nextDue(ContingencyPlan plan) {
    Instant last = jdbc.sql("SELECT MAX(reviewed_at) FROM contingency_plan_review WHERE plan_id = ?")
        .param(plan.id()).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant)
        .orElse(plan.createdAt());
    return last.atZone(WorkingCalendar.CHINA).plus(properties.reviewInterval()).toInstant();
  }

  /** Active plans whose review falls due within the lead and that have no open review: each with its due date. */
  public List<Due> dueSoon() {
    Instant horizon = clock.instant().plus(properties.reviewLead());
    return jdbc.sql("SELECT plan_no FROM contingency_plan WHERE status = 'ACTIVE' AND id NOT IN "
            + "(SELECT plan_id FROM contingency_plan_review WHERE reviewed_at IS NULL) ORDER BY plan_no")
        .query(String.class).list().stream().map(plans::get).map(p -> new Due(p, nextDue(p)))
        .filter(d -> !d.dueAt().isAfter(horizon)).toList();
  }

  /** A plan with the date its review is due. */
  public record Due(ContingencyPlan plan, Instant dueAt) {}

  @Transactional
  public PlanReview open(ContingencyPlan plan, Instant dueAt, String processInstanceId) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO contingency_plan_review (plan_id, plan_version, due_at, process_instance_id, started_at) "
            + "VALUES (?, ?, ?, ?, ?)")
        .params(plan.id(), plan.currentVersion(), ts(dueAt), processInstanceId, ts(clock.instant()))
        .update(keys, "id");
    return get(keys.getKey().longValue());
  }

  @Transactional
  public PlanReview record(long id, String by, String participants, String result, String reason) {
    jdbc.sql("UPDATE contingency_plan_review SET reviewed_at = ?, reviewed_by = ?, participants = ?, result = ?, "
            + "reason = ? WHERE id = ? AND reviewed_at IS NULL")
        .params(ts(clock.instant()), by, participants, result, reason, id).update();
    return get(id);
  }

  @Transactional
  public void revised(long id, int newVersion) {
    jdbc.sql("UPDATE contingency_plan_review SET new_version = ? WHERE id = ?").params(newVersion, id).update();
  }

  public PlanReview get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contingency_plan_review WHERE id = ?").param(id)
        .query(PlanReviews::map).optional().orElseThrow(() -> new NotFoundException("预案评审不存在: " + id));
  }

  /** The plan's reviews, newest first. */
  public List<PlanReview> of(long planId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contingency_plan_review WHERE plan_id = ? ORDER BY id DESC")
        .param(planId).query(PlanReviews::map).list();
  }

  public Optional<PlanReview> open(long planId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contingency_plan_review WHERE plan_id = ? AND reviewed_at IS NULL")
        .param(planId).query(PlanReviews::map).optional();
  }

  private static PlanReview map(ResultSet rs, int row) throws SQLException {
    return new PlanReview(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("plan_version"),
        instant(rs.getTimestamp("due_at")), rs.getString("process_instance_id"), instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("reviewed_at")), rs.getString("reviewed_by"), rs.getString("participants"),
        rs.getString("result"), rs.getString("reason"), (Integer) rs.getObject("new_version", Integer.class));
  }
}
