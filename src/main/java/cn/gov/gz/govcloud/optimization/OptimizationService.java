package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.optimization.AppendixCRules.Figures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optimisation reviews (P6 7.5): the review of a period and what is known of it — its usage, candidates, decisions,
 * events and follow-up. The steps that compute and change a review are {@link UsageMeasurement} (statistics and
 * efficiency, 7.5.2–7.5.3), {@link CandidateClassification} (P3 Appendix C) and {@link OptimizationDecisions}
 * (management, units and operators, 7.5.4).
 */
@Service
public class OptimizationService {

  /** What one resource used and cost in the period. */
  public record Usage(String resourceId, String unitCode, String businessSystemCode, String type, Integer vcpu,
      Integer memoryGb, BigDecimal diskTb, int daysInPeriod, int monitoredDays, int offDaysRun, BigDecimal cpuAvg,
      BigDecimal cpuMax, BigDecimal memoryAvg, BigDecimal memoryMax, BigDecimal storageAvg, BigDecimal storageMax,
      BigDecimal cost, String action) {

    Figures figures() {
      return new Figures(type, daysInPeriod, monitoredDays, offDaysRun, cpuAvg, memoryAvg, diskTb, storageAvg);
    }
  }

  /** A management decision on one candidate. */
  public record Decision(Long candidateId, String decision, String reason) {}

  /** What the operators did to one resource (the spec after execution; null keeps the proposal). */
  public record Execution(Long candidateId, Integer vcpu, Integer memoryGb, BigDecimal diskTb, String note) {}

  /** What was done after a review: counts, the estimated and realised monthly savings, and the executed resources. */
  public record FollowUp(long reviewId, String reviewNo, LocalDate periodFrom, LocalDate periodTo, long candidates,
      long accepted, long rejected, long executed, long withdrawn, BigDecimal estimatedSaving,
      BigDecimal realisedSaving, List<Candidate> executedItems) {}

  private final OptimizationRepository repository;
  private final Clock clock;

  OptimizationService(OptimizationRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  // ---- reviews

  /** The scheduled review of a month ("2026-11"), if there is one. */
  @Transactional
  public Optional<Review> findMonthly(String month) {
    return repository.findMonthly(month);
  }

  /** Registers a review of the period; {@code month} is set for the scheduled review of that month only. */
  public Review create(LocalDate from, LocalDate to, String month, String processInstanceId, String by) {
    Settlement.checkPeriod(from, to);
    Instant now = clock.instant();
    long id = repository.insertReview(processInstanceId, from, to, by, repository.previousReviewId(from), now, month);
    return get(id);
  }

  public Review get(long id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("优化评审不存在: " + id));
  }

  public Optional<Review> findByProcessInstance(String processInstanceId) {
    return repository.findByProcessInstance(processInstanceId);
  }

  public List<Review> list(int limit) {
    return repository.list(limit);
  }

  void status(long id, Review.Status status) {
    boolean closes = status == Review.Status.CLOSED || status == Review.Status.NOTHING_TO_DO
        || status == Review.Status.NO_DATA;
    repository.status(id, status, closes ? clock.instant() : null);
  }

  void reports(long id, Long statisticsReportId, Long efficiencyReportId) {
    repository.reports(id, statisticsReportId, efficiencyReportId);
  }

  void event(long reviewId, String unitCode, String kind, String text, String by) {
    repository.event(reviewId, unitCode, kind, cut(text, 2000), by, clock.instant());
  }

  public List<Map<String, Object>> events(long reviewId, Caller caller) {
    return repository.events(reviewId, caller);
  }

  // ---- what a review found

  public List<Usage> usage(long reviewId) {
    return repository.usage(reviewId);
  }

  public List<Candidate> candidates(long reviewId, String unitCode, String action, String decision, Caller caller,
      int limit) {
    if (unitCode != null && caller != null && !caller.mayAccessUnit(unitCode)) {
      throw new AccessDeniedException("只能查看本单位的优化建议");
    }
    return repository.candidates(reviewId, unitCode, action, decision, caller, limit);
  }

  public Map<String, Long> decisionCounts(long reviewId) {
    return repository.decisionCounts(reviewId);
  }

  public List<String> unitsWithAccepted(long reviewId) {
    return repository.unitsWithAccepted(reviewId);
  }

  /** The accepted recommendations of one unit that are still to be answered or executed. */
  public List<Candidate> unitItems(long reviewId, String unitCode) {
    return repository.unitItems(reviewId, unitCode);
  }

  // ---- follow-up (P6 7.5.4.4)

  public FollowUp followUp(long reviewId) {
    return repository.followUp(get(reviewId));
  }

  static void requireManagement(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.MANAGEMENT)) {
      throw new AccessDeniedException("只有管理方可以审核资源优化建议");
    }
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
