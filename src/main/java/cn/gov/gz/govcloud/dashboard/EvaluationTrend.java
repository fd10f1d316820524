package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.dashboard.Snapshot.Evaluation;
import cn.gov.gz.govcloud.dashboard.Snapshot.KpiTrend;
import cn.gov.gz.govcloud.dashboard.Snapshot.ListRef;
import cn.gov.gz.govcloud.kpi.Kpi;
import cn.gov.gz.govcloud.kpi.KpiService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The evaluation figures of DB4401/T 294.3 7.3.2 month by month, from the KPI room ({@link KpiService#figures}): the
 * same computation and definitions as {@code /api/kpis} and the service report, so the screen and the documents agree.
 * Months are calendar months in Beijing time; the current month counts up to today.
 */
@Component
class EvaluationTrend {

  /** The figures the screen shows, in the service report's order, then the two open-case counts. */
  static final List<Kpi> SHOWN = List.of(Kpi.EMERGENCY_RESPONDED_IN_TIME, Kpi.FEEDBACK_BEATS_ON_TIME,
      Kpi.WORK_ORDER_DISPATCHED_IN_TIME, Kpi.WORK_ORDER_RESOLVED_IN_TIME, Kpi.WORK_ORDER_AVERAGE_RESOLUTION,
      Kpi.WORK_ORDER_COMPLETION, Kpi.RESOURCE_ORDER_COMPLETION, Kpi.SATISFACTION_AVERAGE, Kpi.COMPLAINT_RATE,
      Kpi.REPORTS_ON_TIME, Kpi.INSPECTION_COMPLETION, Kpi.OPEN_WORK_ORDERS_OVERDUE,
      Kpi.OPEN_EMERGENCIES_NOT_RESPONDED);

  /** Figures that count open cases now ("截至报告生成时"), the same in every month's computation. */
  static final java.util.Set<Kpi> NOW_ONLY = java.util.EnumSet.of(Kpi.OPEN_WORK_ORDERS_OVERDUE,
      Kpi.OPEN_EMERGENCIES_NOT_RESPONDED);

  private final KpiService kpis;

  EvaluationTrend(KpiService kpis) {
    this.kpis = kpis;
  }

  /** The months of the trend, oldest first: {@code months} whole months, then the current one. */
  static List<YearMonth> months(LocalDate today, int months) {
    List<YearMonth> out = new ArrayList<>();
    YearMonth current = YearMonth.from(today);
    for (int i = months; i >= 0; i--) {
      out.add(current.minusMonths(i));
    }
    return out;
  }

  /** One month's figures (the current month up to today). */
  Map<Kpi, Double> month(YearMonth month, LocalDate today) {
    LocalDate to = month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
    return kpis.figures(month.atDay(1), to);
  }

  /** The trend from the months' figures, oldest first (the last is the current month). */
  static Evaluation evaluation(List<YearMonth> months, Function<YearMonth, Map<Kpi, Double>> figures) {
    List<Map<Kpi, Double>> values = months.stream().map(figures).toList();
    YearMonth current = months.get(months.size() - 1);
    List<KpiTrend> trends = new ArrayList<>();
    for (Kpi k : SHOWN) {
      List<Double> drawn = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        // the open-case counts hold at the moment of computing, not for a past month: the current month's only
        Double v = NOW_ONLY.contains(k) && i < values.size() - 1 ? null : values.get(i).get(k);
        drawn.add(v == null ? null : Format.round1("%".equals(k.unit()) ? v * 100 : v));
        texts.add(k.format(v));
      }
      trends.add(new KpiTrend(k.name(), k.label(), k.unit(), k.definition(), drawn, texts,
          texts.get(texts.size() - 1), list(k, current)));
    }
    return new Evaluation(months.stream().map(m -> m.getYear() + "年" + m.getMonthValue() + "月").toList(), trends,
        "各月按北京时间自然月统计，本月统计至今日；“—”表示该月没有可计算的对象（逾期未解决的工单、超过响应时限仍未响应的应急事件是当前的数量，只列本月）。"
            + "口径与考核指标接口、运维服务报告的表注相同。");
  }

  /** The cases behind a figure in a month. */
  static ListRef list(Kpi k, YearMonth month) {
    String m = month.toString();
    return switch (k) {
      case EMERGENCY_RESPONDED_IN_TIME, FEEDBACK_BEATS_ON_TIME -> ListRef.of("emergencies", "received", m);
      case REPORTS_ON_TIME -> ListRef.of("emergencies", "closed", m);
      case WORK_ORDER_DISPATCHED_IN_TIME, WORK_ORDER_RESOLVED_IN_TIME, WORK_ORDER_AVERAGE_RESOLUTION,
          WORK_ORDER_COMPLETION, SATISFACTION_AVERAGE, COMPLAINT_RATE -> ListRef.of("work-orders", "received", m);
      case RESOURCE_ORDER_COMPLETION -> ListRef.of("applications", "closed", m);
      case INSPECTION_COMPLETION -> ListRef.of("inspections");
      case OPEN_WORK_ORDERS_OVERDUE -> ListRef.of("work-orders", "state", "overdue");
      case OPEN_EMERGENCIES_NOT_RESPONDED -> ListRef.of("emergencies", "state", "overdue");
    };
  }
}
