package cn.gov.gz.govcloud.deliverable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deliverables register's settings ({@code govcloud.deliverables.*}): the catalogue of P3 Table D.1 (one entry per
 * item: its number, category, name, producer, cadence with the clause it follows, the report-archive kinds that file
 * it automatically, the live list that keeps it, whether uploads are accepted) and the rules of due dates, approval
 * and reminders. Process owners change these in {@code application.yml} or the environment, not in code. The
 * catalogue's only copy is {@code application.yml} (a list does not fit a default in code).
 */
@ConfigurationProperties("govcloud.deliverables")
public class DeliverableProperties {

  /**
   * One row of P3 Table D.1.
   *
   * @param no item number 1–24
   * @param category 管理类 / 过程类 / 成果类
   * @param name the document's name as the table gives it
   * @param producer who produces it (服务方, 管理方, 使用方, 系统)
   * @param cadence how often it is due
   * @param clause the clause the cadence follows
   * @param kinds report-archive kinds ({@code rv_report_document.kind}) that file it automatically
   * @param live the REST list or export that keeps it as a live record, if any
   * @param liveLabel what that list is, in words
   * @param uploads whether the provider may upload versions for management's approval
   */
  public record Item(int no, String category, String name, String producer, Cadence cadence, String clause,
      List<String> kinds, String live, String liveLabel, boolean uploads) {

    public Item {
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
  }

  private List<Item> items = new ArrayList<>();
  /** First day of the service contract: ONCE items and the first period count from it. */
  private LocalDate contractFrom = LocalDate.of(2026, 1, 1);
  /** Last day of the service contract: END items (the final summary report) are due after it. */
  private LocalDate contractTo = LocalDate.of(2026, 12, 31);
  /** A ONCE item is due this long after the contract's start. */
  private Period firstWithin = Period.ofDays(30);
  /** An END item is due this long after the contract's end. */
  private Period endWithin = Period.ofDays(30);
  /** An item is shown as due (待提交) this long before its due day. */
  private Period dueSoon = Period.ofDays(14);
  /** Management has this long to approve an uploaded document (the task's due date). */
  private Duration approvalWithin = Duration.ofDays(5);
  /** A document still waiting for approval this long after upload reminds management. */
  private Duration approvalRemindAfter = Duration.ofDays(3);
  /** The provider has this long to resubmit a returned document. */
  private Duration correctionWithin = Duration.ofDays(10);
  /** Largest file accepted (as for work-order attachments). */
  private long maxUploadBytes = 10L * 1024 * 1024;

  public List<Item> getItems() {
    return items;
  }

  public void setItems(List<Item> items) {
    this.items = items;
  }

  public LocalDate getContractFrom() {
    return contractFrom;
  }

  public void setContractFrom(LocalDate contractFrom) {
    this.contractFrom = contractFrom;
  }

  public LocalDate getContractTo() {
    return contractTo;
  }

  public void setContractTo(LocalDate contractTo) {
    this.contractTo = contractTo;
  }

  public Period getFirstWithin() {
    return firstWithin;
  }

  public void setFirstWithin(Period firstWithin) {
    this.firstWithin = firstWithin;
  }

  public Period getEndWithin() {
    return endWithin;
  }

  public void setEndWithin(Period endWithin) {
    this.endWithin = endWithin;
  }

  public Period getDueSoon() {
    return dueSoon;
  }

  public void setDueSoon(Period dueSoon) {
    this.dueSoon = dueSoon;
  }

  public Duration getApprovalWithin() {
    return approvalWithin;
  }

  public void setApprovalWithin(Duration approvalWithin) {
    this.approvalWithin = approvalWithin;
  }

  public Duration getApprovalRemindAfter() {
    return approvalRemindAfter;
  }

  public void setApprovalRemindAfter(Duration approvalRemindAfter) {
    this.approvalRemindAfter = approvalRemindAfter;
  }

  public Duration getCorrectionWithin() {
    return correctionWithin;
  }

  public void setCorrectionWithin(Duration correctionWithin) {
    this.correctionWithin = correctionWithin;
  }

  public long getMaxUploadBytes() {
    return maxUploadBytes;
  }

  public void setMaxUploadBytes(long maxUploadBytes) {
    this.maxUploadBytes = maxUploadBytes;
  }

  /** The item of a number, or null. */
  public Item item(int no) {
    return items.stream().filter(i -> i.no() == no).findFirst().orElse(null);
  }
}
