package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.optimization.MonitoringFigures.Acc;
import cn.gov.gz.govcloud.optimization.OptimizationService.Usage;
import cn.gov.gz.govcloud.optimization.Settlement.Pricing;
import cn.gov.gz.govcloud.optimization.Settlement.Resource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics (P6 7.5.2: what every resource of the ledger used over the period, from the monitoring figures) and
 * the efficiency (P6 7.5.3: what it cost by the billing rules) of a review.
 */
@Service
public class UsageMeasurement {

  /** The resources the ledger had in the period and how many of them have monitoring data. */
  public record Measured(int resources, int monitored) {

    /** Resources to review but not one with monitoring data: the period cannot be measured. */
    public boolean nothingMonitored() {
      return resources > 0 && monitored == 0;
    }
  }

  private final OptimizationService service;
  private final OptimizationRepository repository;
  private final Settlement settlement;
  private final MonitoringFigures monitoring;

  UsageMeasurement(OptimizationService service, OptimizationRepository repository, Settlement settlement,
      MonitoringFigures monitoring) {
    this.service = service;
    this.repository = repository;
    this.settlement = settlement;
    this.monitoring = monitoring;
  }

  /**
   * Computes and stores what every resource in the ledger used in the period. When there are resources but none has
   * monitoring data in the period, nothing is stored (the review cannot measure; its statistics stay undone).
   */
  @Transactional
  public Measured computeUsage(long reviewId) {
    Review review = service.get(reviewId);
    LocalDate from = review.periodFrom();
    LocalDate to = review.periodTo();
    List<Resource> resources = settlement.resources(from, to, null);
    Map<String, Acc> acc = monitoring.perResource(from, to);
    List<Object[]> rows = new ArrayList<>(resources.size());
    int monitored = 0;
    for (Resource r : resources) {
      Acc a = acc.getOrDefault(r.resourceId(), new Acc());
      int days = (int) ChronoUnit.DAYS.between(r.firstDay(), r.lastDay()) + 1;
      int monitoredDays = Math.min(days, a.days);
      monitored += monitoredDays > 0 ? 1 : 0;
      rows.add(new Object[] {reviewId, r.resourceId(), r.unitCode(), r.businessSystemCode(), r.type().name(), r.vcpu(),
          r.memoryGb(), r.diskTb(), days, monitoredDays, a.longestOffRun(), a.cpuAvg(), a.cpuMax, a.memAvg(),
          a.memMax, a.stoAvg(), a.stoMax, BigDecimal.ZERO});
    }
    Measured measured = new Measured(resources.size(), monitored);
    if (!measured.nothingMonitored()) {
      repository.replaceUsage(reviewId, rows);
    }
    return measured;
  }

  /** Prices every resource's days in the period; returns the total. */
  @Transactional
  public BigDecimal computeCosts(long reviewId) {
    Review review = service.get(reviewId);
    Pricing pricing = settlement.pricing();
    List<Object[]> updates = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Usage u : repository.usage(reviewId)) {
      LocalDate last = review.periodTo();
      LocalDate first = last.minusDays(u.daysInPeriod() - 1L);
      BigDecimal cost = pricing.cost(new Resource(u.resourceId(), u.unitCode(), u.businessSystemCode(),
          ResourceType.valueOf(u.type()), u.vcpu(), u.memoryGb(), u.diskTb(), first, last));
      total = total.add(cost);
      updates.add(new Object[] {cost, reviewId, u.resourceId()});
    }
    repository.costs(updates);
    repository.totalCost(reviewId, total);
    return total;
  }
}
