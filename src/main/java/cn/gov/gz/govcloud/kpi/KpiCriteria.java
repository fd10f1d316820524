package cn.gov.gz.govcloud.kpi;

/**
 * The conditions that decide which cases a KPI figure counts, as SQL over the columns of the reporting views
 * {@code rv_emergency} and {@code rv_work_order} (their owners' tables keep the same names). {@link KpiService} counts with them; the
 * dashboard lists the cases behind a figure with the same conditions, so the count on screen, the list it opens and
 * the documents agree.
 */
public final class KpiCriteria {

  /** {@link Kpi#OPEN_WORK_ORDERS_OVERDUE}: one parameter, now. */
  public static final String WORK_ORDER_OVERDUE = "status NOT IN ('CLOSED', 'RESOLVED') AND recovery_due_at < ?";

  /** {@link Kpi#OPEN_EMERGENCIES_NOT_RESPONDED}: one parameter, now. */
  public static final String EMERGENCY_NOT_RESPONDED_OVERDUE =
      "status = 'OPEN' AND responded_at IS NULL AND drill = FALSE AND response_due_at < ?";

  /** The emergencies a period's figures count: received in the period (start inclusive, end exclusive), no drill. */
  public static final String EMERGENCY_RECEIVED = "received_at >= ? AND received_at < ? AND drill = FALSE";

  /** The work orders a period's figures count: received in the period (start inclusive, end exclusive). */
  public static final String WORK_ORDER_RECEIVED = "received_at >= ? AND received_at < ?";

  /** The resource applications a period's completion rate counts: closed in the period, not withdrawn. */
  public static final String APPLICATION_CLOSED = "closed_at >= ? AND closed_at < ? AND status <> 'WITHDRAWN'";

  /** The emergencies whose response reports a period counts: closed in the period, no drill. */
  public static final String EMERGENCY_CLOSED = "closed_at >= ? AND closed_at < ? AND drill = FALSE";

  private KpiCriteria() {}
}
