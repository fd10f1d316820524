package cn.gov.gz.govcloud.deliverable;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.deliverable.DeliverableProperties.Item;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.report.DocumentLinks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The register of P3 Table D.1: per item who produces it, how often, its latest version (a generated document of the
 * item's archive kinds, or the latest approved upload), the approval, the version waiting for approval, and whether
 * it is due or overdue by its cadence in Beijing time. Live records (ledger, bill, work orders, feedback) link their
 * list and are never overdue: the system keeps them.
 */
@Implements(value = "P3 附录 D", what = "交付文档清单：24 项交付物的登记册（编制方、频次、最新版本、审批、是否到期或逾期）")
@Implements(value = "P3 6.3.2", what = "有形成果（工单记录、分析报告、服务报告等）按附录 D 清单登记")
@Implements(value = "P6 7.6.2.3", what = "对运营服务的各项记录、文档进行汇总和分类整理")
@Service
public class DeliverableRegister {

  static final String GENERATED = "generated";
  static final String UPLOAD = "upload";
  static final String LIVE = "live";
  static final String OK = "ok";
  static final String DUE = "due";
  static final String OVERDUE = "overdue";
  /** Marks in the title of a generated document not delivered yet (the service report's and summary's drafts). */
  static final String DRAFT = "（初稿）";
  static final String UNCONFIRMED = "（" + ServiceSummaryReport.REVIEWED + "）";

  /** A version as the register shows it. */
  public record Version(String source, long documentId, Long uploadId, String title, int version, Instant date,
      String approval, String link, String apiLink, String uploadedBy) {}

  /** One item of the register. */
  public record Entry(int no, String category, String name, String producer, String cadence, String cadenceLabel,
      String clause, List<String> sources, List<String> kinds, boolean uploads, Version latest, Version pending,
      String approval, String status, String statusLabel, LocalDate nextDue, String live, String liveLabel,
      Integer liveCount, int generatedCount, int uploadCount) {}

  private final DeliverableProperties properties;
  private final DeliverableService documents;
  private final JdbcClient jdbc;
  private final Clock clock;

  DeliverableRegister(DeliverableProperties properties, DeliverableService documents, JdbcClient jdbc, Clock clock) {
    this.properties = properties;
    this.documents = documents;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The whole register in the order of Table D.1. */
  public List<Entry> entries() {
    Map<String, Version> generated = latestGenerated();
    Map<String, Integer> counts = generatedCounts();
    Map<Integer, List<DeliverableDocument>> uploads = new HashMap<>();
    for (DeliverableDocument d : documents.all()) {
      uploads.computeIfAbsent(d.itemNo(), k -> new ArrayList<>()).add(d);
    }
    LocalDate today = clock.instant().atZone(CityTime.ZONE).toLocalDate();
    List<Entry> out = new ArrayList<>();
    for (Item item : properties.getItems()) {
      out.add(entry(item, generated, counts, uploads.getOrDefault(item.no(), List.of()), today));
    }
    out.sort(Comparator.comparingInt(Entry::no));
    return out;
  }

  public Entry entry(int no) {
    return entries().stream().filter(e -> e.no() == no).findFirst().orElseThrow();
  }

  private Entry entry(Item item, Map<String, Version> generated, Map<String, Integer> counts,
      List<DeliverableDocument> uploads, LocalDate today) {
    List<String> sources = new ArrayList<>();
    if (!item.kinds().isEmpty()) {
      sources.add(GENERATED);
    }
    if (item.uploads()) {
      sources.add(UPLOAD);
    }
    if (item.live() != null) {
      sources.add(LIVE);
    }
    Version latestGenerated = item.kinds().stream().map(generated::get).filter(v -> v != null)
        .max(Comparator.comparing(Version::date)).orElse(null);
    int generatedCount = item.kinds().stream().mapToInt(k -> counts.getOrDefault(k, 0)).sum();
    DeliverableDocument approved = uploads.stream().filter(d -> DeliverableDocument.APPROVED.equals(d.status()))
        .findFirst().orElse(null);
    DeliverableDocument open = uploads.stream().filter(d -> DeliverableDocument.PENDING.equals(d.status())
        || DeliverableDocument.RETURNED.equals(d.status())).findFirst().orElse(null);
    Version latestUpload = approved == null ? null : version(approved, approved.decidedAt());
    Version latest = latestGenerated == null ? latestUpload : latestUpload == null ? latestGenerated
        : latestUpload.date().isAfter(latestGenerated.date()) ? latestUpload : latestGenerated;
    Version pending = open == null || (approved != null && approved.id() > open.id()) ? null
        : version(open, open.uploadedAt());
    Integer liveCount = item.no() == 8 ? feedbackCount() : null;

    String approval;
    if (pending != null) {
      approval = pending.approval();
    } else if (latest != null) {
      approval = latest.approval();
    } else if (item.live() != null) {
      approval = "系统实时台账";
    } else {
      approval = "—";
    }

    Cadence cadence = item.cadence();
    LocalDate nextDue = null;
    String status = OK;
    String statusLabel;
    if (cadence == Cadence.LIVE) {
      statusLabel = "系统实时台账";
    } else {
      LocalDate latestDay = latest == null ? null : latest.date().atZone(CityTime.ZONE).toLocalDate();
      nextDue = cadence.nextDue(latestDay, properties.getContractFrom(), properties.getContractTo(),
          properties.getFirstWithin(), properties.getEndWithin());
      if (nextDue == null) {
        statusLabel = latest == null ? cadence.label() + "，尚无版本" : "已交付";
      } else if (today.isAfter(nextDue)) {
        status = OVERDUE;
        statusLabel = "逾期（应于 " + nextDue + " 前提交）";
      } else if (!today.isBefore(nextDue.minus(properties.getDueSoon()))) {
        status = DUE;
        statusLabel = "待提交（" + nextDue + " 前）";
      } else {
        statusLabel = "正常（下次 " + nextDue + " 前）";
      }
    }
    return new Entry(item.no(), item.category(), item.name(), item.producer(), cadence.name(), cadence.label(),
        item.clause(), sources, item.kinds(), item.uploads(), latest, pending, approval, status, statusLabel, nextDue,
        item.live(), item.liveLabel(), liveCount, generatedCount, uploads.size());
  }

  static Version version(DeliverableDocument d, Instant date) {
    return new Version(UPLOAD, d.reportId(), d.id(), d.title(), d.version(), date == null ? d.uploadedAt() : date,
        d.statusLabel(), DocumentLinks.path(d.reportId()), "/api/deliverables/" + d.itemNo() + "/documents/" + d.id()
        + "/content", d.uploadedBy());
  }

  /** The latest archived document of each kind (any kind but the uploads), drafts left out. */
  private Map<String, Version> latestGenerated() {
    Map<String, Version> out = new LinkedHashMap<>();
    jdbc.sql("SELECT d.id, d.kind, d.title, d.version, d.created_at, d.created_by FROM rv_report_document d "
            + "WHERE d.kind <> ? AND d.id = (SELECT MAX(x.id) FROM rv_report_document x WHERE x.kind = d.kind "
            + "AND x.title NOT LIKE ? AND x.title NOT LIKE ?)")
        .params(DeliverableService.KIND, "%" + DRAFT + "%", "%" + UNCONFIRMED + "%")
        .query((rs, i) -> Map.entry(rs.getString(2), new Version(GENERATED, rs.getLong(1), null, rs.getString(3),
            rs.getInt(4), rs.getTimestamp(5).toInstant(), "系统生成", DocumentLinks.path(rs.getLong(1)),
            "/api/reports/" + rs.getLong(1) + "/content", rs.getString(6))))
        .list().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private Map<String, Integer> generatedCounts() {
    Map<String, Integer> out = new HashMap<>();
    jdbc.sql("SELECT kind, COUNT(*) FROM rv_report_document GROUP BY kind")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(out);
  }

  private Integer feedbackCount() {
    return jdbc.sql("SELECT COUNT(*) FROM rv_report_feedback").query(Integer.class).single();
  }
}
