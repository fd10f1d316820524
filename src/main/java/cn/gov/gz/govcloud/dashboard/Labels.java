package cn.gov.gz.govcloud.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words people read for the codes the reporting views carry: the same words the owning rooms use in their tasks
 * and documents (no code is shown on the screen).
 */
final class Labels {

  /** Emergency levels as the classification decision gives them, most severe first; 待定 until classified. */
  static final List<String> SEVERITIES = List.of("特别重大", "重大", "较大", "一般", "待定");

  static final Map<String, String> EMERGENCY_STATUS = linked("OPEN", "待响应", "RESPONDED", "处置中", "RECOVERED",
      "已恢复，待使用单位验证", "CLOSED", "已关闭");

  static final Map<String, String> EMERGENCY_CATEGORY = linked("INTERRUPTION", "业务系统中断", "DATA_LOSS", "数据丢失",
      "DEGRADATION", "业务系统性能下降", "SECURITY", "安全事件", "OTHER", "其他");

  /** Open work order states in the order a case goes through them. */
  static final Map<String, String> WORK_ORDER_STATUS = linked("RECEIVED", "已受理", "DISPATCHED", "处理中",
      "WAITING_USER", "等待用户补充信息", "RESOLVED", "已处理，待确认", "EMERGENCY", "已转应急事件", "CLOSED", "已关闭");

  static final Map<String, String> WORK_ORDER_TYPE = linked("CONSULTATION", "咨询", "SERVICE_REQUEST", "服务请求",
      "FAULT", "故障", "COMPLAINT", "投诉", "FINDING", "问题跟进");

  static final Map<String, String> METRIC = linked("CPU", "CPU 利用率", "MEMORY", "内存利用率", "STORAGE", "存储利用率",
      "SYNC", "名称与政务外网 IP 同步");

  static final Map<String, String> ALERT_SEVERITY = linked("SEVERE", "严重越限", "BREACH", "越限");

  static final Map<String, String> RESOURCE_TYPE = linked("VM", "云主机", "PHYSICAL", "物理服务器", "STORAGE", "存储",
      "DATABASE", "数据库", "OTHER", "其他");

  static final Map<String, String> RESOURCE_STATE = linked("ACTIVE", "运行", "POWERED_OFF", "关机", "RELEASED", "已释放");

  static final Map<String, String> INSPECTION_STATUS = linked("PLANNING", "计划中", "IN_PROGRESS", "巡检中",
      "FOLLOW_UP", "问题整改跟进中", "COMPLETED", "已完成");

  static final Map<String, String> INSPECTION_KIND = linked("QUARTERLY", "季度全面巡检", "SPECIAL", "专项巡检");

  static final Map<String, String> FINDING_STATUS = linked("OPEN", "待处理", "FOLLOWING", "工单跟进中", "CLOSED", "已整改",
      "CARRIED_OVER", "转入下次巡检");

  static final Map<String, String> FINDING_SEVERITY = linked("SEVERE", "严重", "GENERAL", "一般");

  static final Map<String, String> APPLICATION_STATUS = linked("SUBMITTED", "已提交", "NEEDS_CORRECTION", "待更正",
      "IN_REVIEW", "审核中", "APPROVED", "已批准", "DELIVERING", "交付中", "DELIVERED", "已交付", "REJECTED", "未通过",
      "WITHDRAWN", "已撤回");

  static final Map<String, String> CANDIDATE_ACTION = linked("SCALE_DOWN", "缩容", "REVOKE", "撤销回收", "SCALE_UP",
      "扩容", "PLUGIN_ABNORMAL", "监控插件异常");

  static final Map<String, String> DECISION = linked("PENDING", "待管理方审核", "ACCEPTED", "已接受", "REJECTED", "未接受",
      "OBJECTED", "单位有异议");

  static final Map<String, String> PLAN_TYPE = linked("APPLICATION_DR", "应用级容灾", "DATA_DR", "数据级容灾",
      "SECURITY", "安全应急", "GENERAL", "综合应急");

  static final Map<String, String> REPORT_KIND = linked("SERVICE_REPORT", "运维服务报告", "EMERGENCY_RESPONSE",
      "应急事件响应报告", "WORK_ORDER_RESPONSE", "响应服务报告", "INSPECTION", "巡检报告", "INSPECTION_ADDENDUM",
      "巡检补充报告", "DRILL_REPORT", "应急演练报告", "MONITORING", "资源监控报告", "OPTIMIZATION_STATISTICS",
      "资源使用统计报告", "OPTIMIZATION_EFFICIENCY", "资源使用效能分析报告", "ASSURANCE_SUMMARY", "重要保障总结报告", "EVALUATION_REPORT",
      "政务云运营服务评价报告", "DEMAND_RESEARCH", "调研评估报告", "TRAINING_RECORD", "培训记录", "SECURITY_ASSESSMENT",
      "安全意识与操作考核记录", "NORM_REVIEW", "管理规范评审记录", "STAFF_PLEDGES", "人员与保密协议登记", "SERVICE_SUMMARY",
      "服务总结报告", "DELIVERABLE", "交付文档（上传）");

  private Labels() {}

  static String of(Map<String, String> labels, String code) {
    return code == null ? "—" : labels.getOrDefault(code, "其他");
  }

  /** An alert's problem in words: "CPU 利用率高于上限", "名称与政务外网 IP 同步超时". */
  static String problem(String problem) {
    if (problem == null || problem.lastIndexOf('_') < 0) {
      return "其他";
    }
    String metric = problem.substring(0, problem.lastIndexOf('_'));
    if ("SYNC".equals(metric)) {
      return "名称与政务外网 IP 同步超时";
    }
    return of(METRIC, metric) + (problem.endsWith("_HIGH") ? "高于上限" : "低于下限");
  }

  static Map<String, String> linked(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
