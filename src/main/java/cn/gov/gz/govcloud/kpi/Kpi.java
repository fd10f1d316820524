package cn.gov.gz.govcloud.kpi;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The definition of every KPI figure, once: what counts, over which period, whether open cases are included. The same
 * text is returned by {@code GET /api/kpis} ({@code definitions}) and printed as the footnote of the figure in every
 * document. {@link KpiService} computes each figure exactly as its definition says.
 *
 * <p>Common to all: the period is whole days in Beijing time, both ends included; a case belongs to the period in
 * which it was received; emergencies run by a drill count in no figure.
 */
public enum Kpi {

  EMERGENCY_RESPONDED_IN_TIME("efficiency.emergencyRespondedInTime", "应急事件按时响应率", "%",
      "本期接报的应急事件（不含演练）中，已响应事件里在响应时限内响应的比例：按时响应数 ÷ 已响应数。响应时限自发现时间起算"
          + "（业务中断、数据丢失、安全事件 5 分钟，7×24 计时；性能下降及其他 10 分钟，按工作时间计时）。"
          + "截至报告生成时仍未响应的事件不计入分母，另列其数量及其中已超过响应时限的数量。"),
  FEEDBACK_BEATS_ON_TIME("efficiency.feedbackBeatsOnTime", "应急进展按时反馈率", "%",
      "本期接报的应急事件（不含演练）在恢复前应进行的进展反馈中，在反馈时限内完成的比例：按时反馈次数 ÷ 应反馈次数"
          + "（业务中断等每 30 分钟、性能下降等每 1 小时一次）。"),
  WORK_ORDER_DISPATCHED_IN_TIME("efficiency.workOrderDispatchedInTime", "工单按时分派率", "%",
      "本期接报且已分派的工单中，在分派时限内分派的比例：按时分派数 ÷ 已分派数（故障 30 分钟、投诉 15 分钟、其他 4 小时；"
          + "服务级别 3、4 级按工作时间计）。尚未分派的工单不计入。"),
  WORK_ORDER_RESOLVED_IN_TIME("efficiency.workOrderResolvedInTime", "工单按时恢复率", "%",
      "本期接报、已解决且设有恢复时限的工单中，在恢复时限内解决的比例：按时解决数 ÷ 已解决数。等待使用单位补充信息的暂停时间"
          + "不计入时限。尚未解决的工单不计入。"),
  WORK_ORDER_AVERAGE_RESOLUTION("efficiency.workOrderAverageResolutionMinutes", "工单平均解决时长（分钟）", "分钟",
      "本期接报且已解决的工单，自接报至解决的平均时长，扣除等待使用单位补充信息的暂停时间。"),
  WORK_ORDER_COMPLETION("quality.workOrderCompletionRate", "工单完成率", "%",
      "本期接报的全部工单（含未结工单）中，截至报告生成时已关闭的比例：已关闭数 ÷ 接报数。"),
  RESOURCE_ORDER_COMPLETION("quality.resourceOrderCompletionRate", "资源订单完成率", "%",
      "本期办结的云资源申请（不含申请单位撤回的）中，已交付的比例：已交付数 ÷ 办结数。"),
  SATISFACTION_AVERAGE("satisfaction.average", "满意度平均分", "分",
      "本期接报的工单中已完成回访评价的平均分（1–5 分）；未评价的工单不计入。"),
  COMPLAINT_RATE("satisfaction.complaintRate", "投诉率", "%",
      "本期接报的工单中投诉工单的比例：投诉数 ÷ 接报数。"),
  REPORTS_ON_TIME("compliance.reportsOnTime", "应急响应报告按时提交率", "%",
      "本期关闭的应急事件（不含演练）中，在关闭次日 24 时（北京时间）前归档响应报告的比例（GB/T 34077.3 5.3.7 c）。"),
  INSPECTION_COMPLETION("efficiency.inspectionCompletionRate", "巡检完成率", "%",
      "本期内结束的季度中，在季度结束前完成全面巡检的季度所占比例（DB4401/T 294.3 5.1.3.2：每季度至少一次）。"
          + "本期没有结束的季度时不计算。"),
  OPEN_WORK_ORDERS_OVERDUE("quality.openWorkOrdersOverdue", "逾期未解决的工单", "项",
      "截至报告生成时，全部未解决的工单（含以前各期接报的）中已超过恢复时限的数量。"),
  OPEN_EMERGENCIES_NOT_RESPONDED("quality.openEmergenciesNotResponded", "超过响应时限仍未响应的应急事件", "项",
      "截至报告生成时，全部未结案的应急事件（不含演练，含以前各期接报的）中已超过响应时限仍未响应的数量。");

  /** A figure's definition as {@code /api/kpis} returns it. */
  public record Definition(String name, String unit, String definition) {}

  private final String field;
  private final String label;
  private final String unit;
  private final String definition;

  Kpi(String field, String label, String unit, String definition) {
    this.field = field;
    this.label = label;
    this.unit = unit;
    this.definition = definition;
  }

  /** Where the figure is in the {@link KpiReport} JSON, e.g. {@code efficiency.emergencyRespondedInTime}. */
  public String field() {
    return field;
  }

  public String label() {
    return label;
  }

  /** The unit the figure is shown in: {@code %}, {@code 分钟}, {@code 分} or {@code 项}. */
  public String unit() {
    return unit;
  }

  public String definition() {
    return definition;
  }

  /**
   * The figure in a report: rates 0–1, minutes, the score, or a count; null when the period has nothing to measure it
   * by. The service report's table, {@code /api/kpis} and the dashboard read every figure through here.
   */
  public Double valueIn(KpiReport r) {
    return switch (this) {
      case EMERGENCY_RESPONDED_IN_TIME -> r.efficiency().emergencyRespondedInTime();
      case FEEDBACK_BEATS_ON_TIME -> r.efficiency().feedbackBeatsOnTime();
      case WORK_ORDER_DISPATCHED_IN_TIME -> r.efficiency().workOrderDispatchedInTime();
      case WORK_ORDER_RESOLVED_IN_TIME -> r.efficiency().workOrderResolvedInTime();
      case WORK_ORDER_AVERAGE_RESOLUTION -> r.efficiency().workOrderAverageResolutionMinutes();
      case WORK_ORDER_COMPLETION -> r.quality().workOrderCompletionRate();
      case RESOURCE_ORDER_COMPLETION -> r.quality().resourceOrderCompletionRate();
      case SATISFACTION_AVERAGE -> r.satisfaction().average();
      case COMPLAINT_RATE -> r.satisfaction().complaintRate();
      case REPORTS_ON_TIME -> r.compliance().reportsOnTime();
      case INSPECTION_COMPLETION -> r.efficiency().inspectionCompletionRate();
      case OPEN_WORK_ORDERS_OVERDUE -> (double) r.quality().openWorkOrdersOverdue();
      case OPEN_EMERGENCIES_NOT_RESPONDED -> (double) r.quality().openEmergenciesNotResponded();
    };
  }

  /** Every figure of a report, in this order (values may be null). */
  public static Map<Kpi, Double> valuesIn(KpiReport r) {
    Map<Kpi, Double> m = new EnumMap<>(Kpi.class);
    for (Kpi k : values()) {
      m.put(k, k.valueIn(r));
    }
    return m;
  }

  /** The figure as documents print it: "92.5%", "36.4" (minutes, score), "3" (count), "—" for none. */
  public String format(Double v) {
    if (v == null) {
      return "—";
    }
    return switch (this) {
      case WORK_ORDER_AVERAGE_RESOLUTION, SATISFACTION_AVERAGE -> String.format(Locale.ROOT, "%.1f", v);
      case OPEN_WORK_ORDERS_OVERDUE, OPEN_EMERGENCIES_NOT_RESPONDED -> String.valueOf(v.longValue());
      default -> String.format(Locale.ROOT, "%.1f%%", v * 100);
    };
  }

  /** Every definition, by field, in this order. */
  public static Map<String, Definition> all() {
    Map<String, Definition> m = new LinkedHashMap<>();
    for (Kpi k : values()) {
      m.put(k.field, new Definition(k.label, k.unit, k.definition));
    }
    return m;
  }
}
