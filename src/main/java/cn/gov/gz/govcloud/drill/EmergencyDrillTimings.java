package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.drill.ContingencyPlan.StageTarget;
import cn.gov.gz.govcloud.drill.Drill.Stage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stage times of an emergency scenario, measured on the live emergency case the drill ran (the case number the
 * call activity hands back), read from the emergency room's reporting views {@code rv_emergency} and
 * {@code rv_emergency_event}, not from its classes or its model: response from receipt to the first response,
 * against the real SLA deadline the case computed; handling from the first response until recovery; verification
 * from recovery until the unit confirmed it and the case was closed.
 */
@Component
class EmergencyDrillTimings {

  static final String RESPONSE = "响应";
  static final String RECOVERY = "处置至恢复";
  static final String VERIFY = "恢复验证";

  private final JdbcClient jdbc;

  EmergencyDrillTimings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's times; {@code firstResponse} is the first one even when the case was reopened and answered again. */
  private record CaseTimes(Instant received, Instant responseDue, Instant firstResponse, Instant recovered,
      Instant closed) {}

  List<Stage> measure(String emergencyNo, List<StageTarget> targets) {
    List<Stage> stages = new ArrayList<>();
    CaseTimes t = emergencyNo == null ? null : jdbc.sql("SELECT e.received_at, e.response_due_at, "
            + "(SELECT MIN(ev.created_at) FROM rv_emergency_event ev WHERE ev.emergency_id = e.id "
            + "AND ev.kind = 'RESPONSE'), e.responded_at, e.recovered_at, e.closed_at "
            + "FROM rv_emergency e WHERE e.emergency_no = ?")
        .param(emergencyNo)
        .query((rs, i) -> new CaseTimes(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
            rs.getTimestamp(3) != null ? instant(rs.getTimestamp(3)) : instant(rs.getTimestamp(4)),
            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
        .optional().orElse(null);
    if (t == null) {
      return stages;
    }
    if (t.firstResponse() != null) {
      Long sla = t.responseDue() != null ? Duration.between(t.received(), t.responseDue()).toSeconds()
          : DrillService.target(targets, RESPONSE);
      stages.add(new Stage(0, RESPONSE, "EMERGENCY", t.received(), t.firstResponse(), sla,
          "实战流程计时，目标为真实服务等级响应时限"));
    }
    if (t.firstResponse() != null && t.recovered() != null) {
      stages.add(new Stage(0, RECOVERY, "EMERGENCY", t.firstResponse(), t.recovered(),
          DrillService.target(targets, RECOVERY), "实战流程计时"));
    }
    if (t.recovered() != null && t.closed() != null) {
      stages.add(new Stage(0, VERIFY, "EMERGENCY", t.recovered(), t.closed(), DrillService.target(targets, VERIFY),
          "实战流程计时"));
    }
    return stages;
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
