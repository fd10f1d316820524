package cn.gov.gz.govcloud.optimization;

import static cn.gov.gz.govcloud.optimization.OptimizationService.cut;

import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.optimization.OptimizationService.Decision;
import cn.gov.gz.govcloud.optimization.OptimizationService.Execution;
import cn.gov.gz.govcloud.optimization.Settlement.Pricing;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is decided on a review's candidates (P6 7.5.4): management's review (7.5.4.1), the units' answers and
 * management's answer to an objection (7.5.4.2), and the operators' execution that changes the ledger (7.5.4.3).
 */
@Service
class OptimizationDecisions {

  private static final Set<String> DECISIONS = Set.of("ACCEPT", "REJECT");

  private final OptimizationService service;
  private final OptimizationRepository repository;
  private final Settlement settlement;
  private final LedgerService ledger;
  private final Clock clock;

  OptimizationDecisions(OptimizationService service, OptimizationRepository repository, Settlement settlement,
      LedgerService ledger, Clock clock) {
    this.service = service;
    this.repository = repository;
    this.settlement = settlement;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * Records decisions: each given one, then {@code bulk} (ACCEPT or REJECT) for every candidate still pending. A
   * rejection needs a reason (its own or the common one). Returns the counts of pending, accepted, rejected.
   */
  @Transactional
  public Map<String, Long> decide(long reviewId, List<Decision> decisions, String bulk, String reason, String by) {
    Review review = service.get(reviewId);
    if (review.status() != Review.Status.IN_REVIEW) {
      throw ValidationException.of("reviewId", "该评审当前不在管理方审核阶段");
    }
    String common = reason == null || reason.isBlank() ? null : reason.strip();
    if (common != null && common.length() > 1000) {
      throw ValidationException.of("reason", "最长 1000 字");
    }
    String bulkDecision = bulk == null || bulk.isBlank() ? null : bulk.strip().toUpperCase(Locale.ROOT);
    if (bulkDecision != null && !DECISIONS.contains(bulkDecision)) {
      throw ValidationException.of("all", "取值 ACCEPT（全部接受）或 REJECT（全部拒绝）");
    }
    List<FieldError> errors = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    Set<Long> ids = repository.candidateIds(reviewId);
    Instant now = clock.instant();
    List<Decision> given = decisions == null ? List.of() : decisions;
    for (int i = 0; i < given.size(); i++) {
      Decision d = given.get(i);
      if (d == null || d.candidateId() == null || !ids.contains(d.candidateId())) {
        errors.add(new FieldError(i, "candidateId", "该评审中没有这条建议"));
        continue;
      }
      String value = d.decision() == null ? "" : d.decision().strip().toUpperCase(Locale.ROOT);
      if (!DECISIONS.contains(value)) {
        errors.add(new FieldError(i, "decision", "取值 ACCEPT（接受）或 REJECT（拒绝）"));
        continue;
      }
      String why = d.reason() == null || d.reason().isBlank() ? common : d.reason().strip();
      if ("REJECT".equals(value) && why == null) {
        errors.add(new FieldError(i, "reason", "拒绝须说明理由"));
        continue;
      }
      if (why != null && why.length() > 1000) {
        errors.add(new FieldError(i, "reason", "最长 1000 字"));
        continue;
      }
      updates.add(new Object[] {"ACCEPT".equals(value) ? "ACCEPTED" : "REJECTED", why, by, Timestamp.from(now),
          "ACCEPT".equals(value) ? "PENDING" : null, d.candidateId(), reviewId});
    }
    if ("REJECT".equals(bulkDecision) && common == null) {
      errors.add(new FieldError(null, "reason", "全部拒绝须说明理由"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    repository.decisions(updates);
    if (bulkDecision != null) {
      boolean accept = "ACCEPT".equals(bulkDecision);
      repository.decidePending(reviewId, accept ? "ACCEPTED" : "REJECTED", common, by, now, accept ? "PENDING" : null);
    }
    if (common != null) {
      repository.reviewReason(reviewId, common);
    }
    return repository.decisionCounts(reviewId);
  }

  // ---- the unit (P6 7.5.4.2–7.5.4.3)

  @Transactional
  public void unitAnswer(long reviewId, String unitCode, boolean confirm, String comment, String by) {
    if (!confirm && (comment == null || comment.isBlank())) {
      throw ValidationException.of(OptimizationVariables.UNIT_COMMENT, "提出异议须说明理由");
    }
    repository.unitAnswer(reviewId, unitCode, confirm ? "CONFIRMED" : "OBJECTED", cut(comment, 1000));
    service.event(reviewId, unitCode, confirm ? "CONFIRMED" : "OBJECTED",
        (confirm ? "使用单位确认优化建议" : "使用单位提出异议") + (comment == null ? "" : "：" + comment), by);
  }

  /** Management's answer to an objection: withdraw the unit's recommendations, or maintain them and ask again. */
  @Transactional
  public void objectionDecision(long reviewId, String unitCode, boolean withdraw, String comment, String by) {
    if (comment == null || comment.isBlank()) {
      throw ValidationException.of(OptimizationVariables.MANAGEMENT_COMMENT, "请填写处理意见");
    }
    repository.objection(reviewId, unitCode, withdraw ? "WITHDRAWN" : "PENDING");
    service.event(reviewId, unitCode, withdraw ? "WITHDRAWN" : "MAINTAINED",
        (withdraw ? "管理方采纳异议，撤回建议：" : "管理方维持建议，请单位再次确认：") + comment, by);
  }

  /**
   * The operators' execution (P6 7.5.4.3): every confirmed recommendation of the unit is carried out and the ledger
   * changed in the same transaction (resize or release). A recommendation changes only what it targets (a storage
   * scale-down leaves vCPU and memory as they are, whatever the row says), so two recommendations of one resource both
   * take effect; a revocation supersedes the other recommendations of its resource, which are recorded as executed
   * with it, without a saving of their own. The saving realised per month is the price of the spec at the review less
   * the price after this recommendation's change, at the prices valid today: the savings of one resource add up.
   */
  @Transactional
  public BigDecimal execute(long reviewId, String unitCode, List<Execution> done, String by) {
    Review review = service.get(reviewId);
    Map<Long, Execution> byId = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; done != null && i < done.size(); i++) {
      Execution e = done.get(i);
      if (e == null || e.candidateId() == null) {
        errors.add(new FieldError(i, "candidateId", "缺少建议编号"));
        continue;
      }
      if (e.vcpu() != null && e.vcpu() < 1) {
        errors.add(new FieldError(i, "vcpu", "vCPU 至少为 1"));
      }
      if (e.memoryGb() != null && e.memoryGb() < 1) {
        errors.add(new FieldError(i, "memoryGb", "内存至少为 1 GB"));
      }
      if (e.diskTb() != null && e.diskTb().signum() < 0) {
        errors.add(new FieldError(i, "diskTb", "不能为负数"));
      }
      if (e.note() != null && e.note().length() > 1000) {
        errors.add(new FieldError(i, "note", "最长 1000 字"));
      }
      byId.put(e.candidateId(), e);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Pricing pricing = settlement.pricing();
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.CHINA);
    Instant now = clock.instant();
    BigDecimal realisedTotal = BigDecimal.ZERO;
    String reason = "资源优化评审 " + review.reviewNo();
    List<Candidate> confirmed = repository.unitItems(reviewId, unitCode).stream()
        .filter(c -> "CONFIRMED".equals(c.unitStatus())).toList();
    Set<String> revoked = confirmed.stream().filter(c -> "REVOKE".equals(c.action())).map(Candidate::resourceId)
        .collect(Collectors.toSet());
    for (Candidate c : confirmed) {
      Execution e = byId.get(c.id());
      String note = e == null || e.note() == null || e.note().isBlank() ? null : e.note().strip();
      ResourceType type = ResourceType.valueOf(c.type());
      Integer v = null;
      Integer m = null;
      BigDecimal d = null;
      BigDecimal realised;
      BigDecimal before = pricing.monthly(type, c.vcpu(), c.memoryGb(), c.diskTb(), today);
      String target = c.target();
      if (!"REVOKE".equals(c.action()) && revoked.contains(c.resourceId())) {
        note = note == null ? "已随整项撤销回收释放" : note;
        realised = BigDecimal.ZERO.setScale(2);
      } else if ("REVOKE".equals(c.action())) {
        ledger.release(c.resourceId(), reason, by);
        realised = before;
      } else if ("SCALE_DOWN".equals(c.action()) || "SCALE_UP".equals(c.action())) {
        if (changes(target, "CPU")) {
          v = e != null && e.vcpu() != null ? e.vcpu() : c.proposedVcpu();
        }
        if (changes(target, "MEMORY")) {
          m = e != null && e.memoryGb() != null ? e.memoryGb() : c.proposedMemoryGb();
        }
        if (changes(target, "STORAGE")) {
          d = e != null && e.diskTb() != null ? e.diskTb() : c.proposedDiskTb();
        }
        ledger.resize(c.resourceId(), v, m, d, reason + " " + c.actionText(), by);
        realised = before.subtract(pricing.monthly(type, v == null ? c.vcpu() : v, m == null ? c.memoryGb() : m,
            d == null ? c.diskTb() : d, today));
      } else {
        realised = BigDecimal.ZERO.setScale(2);
      }
      realisedTotal = realisedTotal.add(realised);
      repository.executed(c.id(), v, m, d, note, by, now, realised);
    }
    service.event(reviewId, unitCode, "EXECUTED", "运维操作人员已执行优化，每月节约 " + realisedTotal + " 元", by);
    return realisedTotal;
  }

  /** Whether a recommendation with {@code target} changes {@code dimension} (CPU, MEMORY or STORAGE). */
  static boolean changes(String target, String dimension) {
    return switch (target == null ? "" : target) {
      case "CPU_MEMORY" -> "CPU".equals(dimension) || "MEMORY".equals(dimension);
      case "CPU", "MEMORY", "STORAGE" -> target.equals(dimension);
      default -> false;
    };
  }
}
