package cn.gov.gz.govcloud.assurance;

import cn.gov.gz.govcloud.assurance.Assurance.Scope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happened in the assurance's scope during its period (P6 7.3.3.3, 7.3.3.4): the emergencies (drills left out),
 * the work orders and the resource applications of the covered business systems, read from their rooms' reporting
 * views ({@code rv_emergency}, {@code rv_work_order}, {@code rv_resource_application}).
 */
@Component
class AssuranceCases {

  static final Map<String, String> CATEGORIES = Map.of("INTERRUPTION", "业务系统中断", "DATA_LOSS", "数据丢失",
      "DEGRADATION", "业务系统性能下降", "SECURITY", "安全事件", "OTHER", "其他");
  static final Map<String, String> ORDER_TYPES = Map.of("CONSULTATION", "咨询", "SERVICE_REQUEST", "服务请求",
      "FAULT", "故障", "COMPLAINT", "投诉", "FINDING", "问题跟进");
  static final Map<String, String> ORDER_STATUSES = Map.of("RECEIVED", "已受理", "DISPATCHED", "已派单",
      "WAITING_USER", "待用户反馈", "RESOLVED", "已解决", "EMERGENCY", "已转应急处置", "CLOSED", "已关闭");
  static final Map<String, String> APPLICATION_STATUSES = Map.of("SUBMITTED", "已提交", "NEEDS_CORRECTION", "待补正",
      "IN_REVIEW", "校核中", "APPROVED", "已批准", "DELIVERING", "交付中", "DELIVERED", "已交付", "REJECTED", "未通过",
      "WITHDRAWN", "已撤回");

  private final JdbcClient jdbc;

  AssuranceCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A case during the period: kind EMERGENCY, WORK_ORDER or APPLICATION. */
  record Case(String kind, String caseNo, String systemName, String unitName, Instant at, String what,
      String level, String state, boolean done) {

    String kindLabel() {
      return switch (kind) {
        case "EMERGENCY" -> "应急事件";
        case "WORK_ORDER" -> "工单";
        default -> "资源申请";
      };
    }
  }

  List<Case> during(List<Scope> scope, Instant from, Instant to) {
    if (scope.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(scope.stream().map(Scope::businessSystemCode).toList());
    String in = " IN (" + String.join(", ", Collections.nCopies(params.size(), "?")) + ")";
    params.add(Timestamp.from(from));
    params.add(Timestamp.from(to));
    List<Case> cases = new ArrayList<>();
    cases.addAll(jdbc.sql("SELECT emergency_no, system_name, unit_name, detected_at, category, severity, status, "
            + "response_due_at, responded_at FROM rv_emergency WHERE drill = FALSE AND business_system_code" + in
            + " AND detected_at >= ? AND detected_at < ?").params(params)
        .query((rs, i) -> {
          Timestamp due = rs.getTimestamp(8);
          Timestamp responded = rs.getTimestamp(9);
          String response = responded == null ? "未响应" : due != null && responded.after(due) ? "超时响应" : "按时响应";
          String status = rs.getString(7);
          return new Case("EMERGENCY", rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getTimestamp(4).toInstant(), CATEGORIES.getOrDefault(rs.getString(5), rs.getString(5)),
              rs.getString(6), response + "，" + emergencyStatus(status),
              "RECOVERED".equals(status) || "CLOSED".equals(status));
        }).list());
    cases.addAll(jdbc.sql("SELECT order_no, system_name, unit_name, received_at, type, status, title "
            + "FROM rv_work_order WHERE business_system_code" + in + " AND received_at >= ? AND received_at < ?")
        .params(params)
        .query((rs, i) -> new Case("WORK_ORDER", rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), ORDER_TYPES.getOrDefault(rs.getString(5), rs.getString(5)) + "："
                + rs.getString(7), "—", ORDER_STATUSES.getOrDefault(rs.getString(6), rs.getString(6)),
            "CLOSED".equals(rs.getString(6)) || "RESOLVED".equals(rs.getString(6))))
        .list());
    cases.addAll(jdbc.sql("SELECT application_no, system_name, unit_name, created_at, urgency, status "
            + "FROM rv_resource_application WHERE business_system_code" + in
            + " AND created_at >= ? AND created_at < ?")
        .params(params)
        .query((rs, i) -> new Case("APPLICATION", rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), "EXPEDITED".equals(rs.getString(5)) ? "加急申请" : "普通申请", "—",
            APPLICATION_STATUSES.getOrDefault(rs.getString(6), rs.getString(6)), "DELIVERED".equals(rs.getString(6))
                || "REJECTED".equals(rs.getString(6)) || "WITHDRAWN".equals(rs.getString(6))))
        .list());
    cases.sort(Comparator.comparing(Case::at));
    return cases;
  }

  private static String emergencyStatus(String status) {
    return status == null ? "—" : switch (status) {
      case "OPEN" -> "处置中";
      case "RESPONDED" -> "已响应，处置中";
      case "RECOVERED" -> "已恢复";
      case "CLOSED" -> "已关闭";
      default -> status;
    };
  }
}
