package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.OptimizationService.cut;

import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.optimization.AppendixCRules.Classification;
import cn.gov.gz.govcloud.optimization.OptimizationService.Usage;
import cn.gov.gz.govcloud.optimization.Settlement.Pricing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidates of a review (P3 Appendix C): every resource through the decision {@code appendix-c-candidates}, and
 * for those not kept the proposed specification, its monthly cost and the estimated saving, with the evidence.
 */
@Service
public class CandidateClassification {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final OptimizationService service;
  private final OptimizationRepository repository;
  private final Settlement settlement;
  private final AppendixCRules rules;

  CandidateClassification(OptimizationService service, OptimizationRepository repository, Settlement settlement,
      AppendixCRules rules) {
    this.service = service;
    this.repository = repository;
    this.settlement = settlement;
    this.rules = rules;
  }

  /**
   * Classifies every resource with the decision and records its recommendations with their evidence: one per Appendix C
   * row it matches (hit policy COLLECT), each proposing a change of its own target only, so that the recommendations of
   * one resource are reviewed, confirmed and executed alone and their savings add up. Returns how many.
   */
  @Transactional
  public int classify(long reviewId) {
    Review review = service.get(reviewId);
    List<Usage> usage = repository.usage(reviewId);
    long started = System.nanoTime();
    List<List<Classification>> answers = rules.classify(usage.stream().map(Usage::figures).toList());
    long ms = (System.nanoTime() - started) / 1_000_000;
    Pricing pricing = settlement.pricing();
    List<Object[]> actions = new ArrayList<>();
    List<Object[]> candidates = new ArrayList<>();
    for (int i = 0; i < usage.size(); i++) {
      Usage u = usage.get(i);
      actions.add(new Object[] {AppendixCRules.principalAction(answers.get(i)), reviewId, u.resourceId()});
      for (Classification c : answers.get(i)) {
        candidates.add(candidate(reviewId, review, u, c, pricing));
      }
    }
    repository.actions(actions);
    repository.insertCandidates(candidates);
    repository.classified(reviewId, candidates.size(), ms);
    return candidates.size();
  }

  /** One recommendation's row: the spec proposed for its target (the rest unchanged), monthly cost and saving. */
  private static Object[] candidate(long reviewId, Review review, Usage u, Classification c, Pricing pricing) {
    ResourceType type = ResourceType.valueOf(u.type());
    Integer pv = u.vcpu();
    Integer pm = u.memoryGb();
    BigDecimal pd = u.diskTb();
    switch (c.target()) {
      case "CPU_MEMORY" -> {
        pv = pv == null ? null : Math.max(1, pv / 2);
        pm = pm == null ? null : Math.max(1, pm / 2);
      }
      case "CPU" -> pv = pv == null ? null : pv * 2;
      case "MEMORY" -> pm = pm == null ? null : pm * 2;
      case "STORAGE" -> pd = pd == null ? null : "SCALE_UP".equals(c.action()) ? tenth(pd.multiply(BigDecimal
          .valueOf(1.5))) : shrunkStorage(pd, u.storageMax() == null ? u.storageAvg() : u.storageMax());
      case "ALL" -> {
        pv = null;
        pm = null;
        pd = null;
      }
      default -> { }
    }
    BigDecimal monthly = pricing.monthly(type, u.vcpu(), u.memoryGb(), u.diskTb(), review.periodTo());
    BigDecimal saving = switch (c.action()) {
      case "REVOKE" -> monthly;
      case "PLUGIN_ABNORMAL" -> BigDecimal.ZERO.setScale(2);
      default -> monthly.subtract(pricing.monthly(type, pv, pm, pd, review.periodTo()));
    };
    return new Object[] {reviewId, u.resourceId(), u.unitCode(), u.businessSystemCode(), u.type(), c.action(),
        cut(c.target(), 12), cut(c.ruleLabel(), 200), evidence(u), u.vcpu(), u.memoryGb(), u.diskTb(), pv, pm, pd,
        monthly, saving};
  }

  private static BigDecimal tenth(BigDecimal tb) {
    return tb.setScale(1, RoundingMode.CEILING);
  }

  /** Storage that keeps the peak use under 70 %, in tenths of a TB, at least 0.1 TB and less than before. */
  private static BigDecimal shrunkStorage(BigDecimal tb, BigDecimal peakPct) {
    BigDecimal used = tb.multiply(peakPct == null ? BigDecimal.ZERO : peakPct).divide(HUNDRED, 6, RoundingMode.HALF_UP);
    BigDecimal target = tenth(used.divide(new BigDecimal("0.7"), 6, RoundingMode.HALF_UP)).max(new BigDecimal("0.1"));
    return target.compareTo(tb) < 0 ? target : tb.divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_UP);
  }

  static String evidence(Usage u) {
    StringBuilder s = new StringBuilder();
    s.append("统计 ").append(u.daysInPeriod()).append(" 天，有监控数据 ").append(u.monitoredDays()).append(" 天");
    s.append("；CPU 平均 ").append(pct(u.cpuAvg())).append("（峰值 ").append(pct(u.cpuMax())).append("）");
    s.append("；内存平均 ").append(pct(u.memoryAvg())).append("（峰值 ").append(pct(u.memoryMax())).append("）");
    if (u.diskTb() != null) {
      s.append("；存储 ").append(u.diskTb().stripTrailingZeros().toPlainString()).append(" TB 平均 ")
          .append(pct(u.storageAvg()));
    }
    s.append("；最长连续关机 ").append(u.offDaysRun()).append(" 天；本期费用 ").append(u.cost()).append(" 元");
    return s.toString();
  }

  static String pct(BigDecimal v) {
    return v == null ? "—" : v.stripTrailingZeros().toPlainString() + "%";
  }
}
