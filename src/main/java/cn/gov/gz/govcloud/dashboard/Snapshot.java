package cn.gov.gz.govcloud.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard and the big screen show, in one answer: who looks and at which units, and one section per panel,
 * each with the time its figures were read and how fresh they are kept. Every figure names the list behind it
 * ({@link ListRef}), which {@code /dashboard/lists/{kind}} answers with the same conditions.
 */
record Snapshot(Viewer viewer, Instant now, String nowText, Refresh refresh, Sections sections) {

  /** The person looking: name, the units seen ("全市" or the unit's name), and whether Cockpit is theirs. */
  record Viewer(String name, String scope, boolean allUnits, boolean cockpit) {}

  /** How often the page and the big screen ask again, in seconds. */
  record Refresh(long pageSeconds, long screenSeconds) {}

  /** The panels; a panel not open to the viewer has no data and says why in its note. */
  record Sections(Section<Emergencies> emergencies, Section<WorkOrders> workOrders, Section<Alerts> alerts,
      Section<InspectionProgress> inspection, Section<Resources> resources, Section<Costs> costs,
      Section<Evaluation> evaluation, Section<Deliverables> deliverables) {}

  /**
   * One panel's figures: {@code asOf} (Beijing time) when they were read, {@code freshness} how they are kept fresh
   * ("实时，每 10 秒更新", "按资源优化评审 …"), {@code note} what the panel cannot show and why.
   */
  record Section<T>(T data, String asOf, String freshness, String note) {

    static <T> Section<T> closed(String note) {
      return new Section<>(null, null, null, note);
    }
  }

  /** The list behind a figure: its kind and filter, as {@code /dashboard/lists/{kind}?…} takes them. */
  record ListRef(String kind, Map<String, String> filter) {

    static ListRef of(String kind, String... kv) {
      return new ListRef(kind, Labels.linked(kv));
    }
  }

  /** A figure: label, value, unit, what it counts (definition), and the list behind it. */
  record Figure(String label, long value, String unit, String definition, ListRef list) {}

  /** A chart: categories along the axis and one or more series; each value opens its list. */
  record Chart(List<String> categories, List<ChartSeries> series) {}

  /** One series of a chart, its values in the categories' order and the list behind each value (or null). */
  record ChartSeries(String name, List<? extends Number> values, List<ListRef> lists) {}

  /** Open emergencies (drills excluded) by level and state, and the cases with their clocks. */
  record Emergencies(Figure open, Figure notResponded, Figure overdue, Figure recovered, Chart byLevel,
      List<Case> cases, long moreCases, String recoveryNote) {}

  /**
   * An open emergency with its response clock (deadline, responded when, on time or late) and what exists of its
   * recovery: recovered when, or how long since it was detected.
   */
  record Case(String emergencyNo, String system, String unit, String severity, String category, String status,
      String detected, Instant detectedAt, Instant responseDueAt, Instant respondedAt, Instant recoveredAt,
      String response, boolean late, String recovery, ListRef list) {}

  /** Open work orders by state and type, the overdue ones (the KPI's definition), received today. */
  record WorkOrders(Figure open, Figure overdue, Figure dispatchOverdue, Figure receivedToday, Chart byStatus,
      Chart byType) {}

  /** Open threshold alerts by problem and severity, the severe ones, those raised today. */
  record Alerts(Figure open, Figure severe, Figure raisedToday, Chart byProblem) {}

  /**
   * This quarter's full inspection (P3 5.1.3.2): its state, areas checked of all, findings still open, the report once
   * filed; and the special inspections under way.
   */
  record InspectionProgress(String quarter, String inspectionNo, String status, String due, long areas,
      long areasDone, long findings, long findingsOpen, String reportHref, long specialOpen, String note,
      ListRef list, ListRef findingsList) {}

  /**
   * The ledger now (resources not released, by type and state; allocation) and the utilisation and idle resources of
   * the latest optimisation review (the figures of its statistics report).
   */
  record Resources(Figure total, Figure poweredOff, Figure idle, String idleCost, Map<String, String> allocation,
      Chart byType, Chart utilisation, String review) {}

  /** Cost by unit in the latest optimisation review (its efficiency report's figures), and the total per review. */
  record Costs(String review, String total, String idleCost, long units, Chart byUnit, Chart trend, ListRef list) {}

  /** The KPIs of P3 7.3.2 month by month: the current month to date and the whole months before. */
  record Evaluation(List<String> months, List<KpiTrend> figures, String note) {}

  /**
   * One KPI's trend: the values to draw (percent 0–100, minutes, score or count), the same figures as documents print
   * them, its definition (the documents' footnote) and the list of the current month's cases behind it.
   */
  record KpiTrend(String key, String label, String unit, String definition, List<Double> values, List<String> texts,
      String current, ListRef list) {}

  /** The reports produced and falling due, and the latest documents the viewer may open. */
  record Deliverables(List<Deliverable> items, List<Document> recent, String note) {}

  /**
   * A report that falls due: what, for which period, by when, where it stands ({@code level} ok, due or late), the
   * document once filed, and the list behind it.
   */
  record Deliverable(String name, String period, String due, String status, String level, String href,
      ListRef list) {}

  /** An archived document the viewer may open (latest version). */
  record Document(String title, String kind, int version, String created, String href) {}
}
