package cn.gov.gz.govcloud.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.web.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/monitoring}: sample ingestion from the cloud platform's monitoring (batches, per-row rejection),
 * alerts, statistics per resource and period, the roll-up on demand, and the monitoring report.
 */
@Tag(name = "监控", description = "监控数据上报、告警、统计与监控报告（P6 7.2.3.3，P3 附录 B）。")
@Implements(value = "GB 8.4.4 c", what = "与监控系统的接口：采样接收、告警与统计查询")
@RestController
@RequestMapping("/api/monitoring")
class MonitoringController {

  private final MonitoringIngest ingest;
  private final AlertService alerts;
  private final MonitoringStats stats;
  private final MonitoringReport report;
  private final CurrentUser currentUser;

  MonitoringController(MonitoringIngest ingest, AlertService alerts, MonitoringStats stats, MonitoringReport report,
      CurrentUser currentUser) {
    this.ingest = ingest;
    this.alerts = alerts;
    this.stats = stats;
    this.report = report;
    this.currentUser = currentUser;
  }

  /**
   * A batch of samples (JSON array); bad rows are rejected with index, field and reason, the rest stored (200). A batch
   * of which no row could be stored answers 400 with the same report.
   */
  @Operation(summary = "上报监控采样", description = "JSON 数组，最多 20,000 条；逐行校验，有误的行指明行号和字段，其余保存；按附录 B 阈值产生告警并开立工单或应急事件。")
  @PostMapping(path = "/samples", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<MonitoringIngest.Result> samples(@io.swagger.v3.oas.annotations.parameters.RequestBody(
      description = "采样记录的 JSON 数组：resourceId（台账中的资源编号）、sampledAt、cpuPct、memoryPct、storagePct"
          + "（0–100）、powerState（ON/OFF）、syncedAt",
      content = @io.swagger.v3.oas.annotations.media.Content(examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
          value = "[{\"resourceId\": \"VM-JTJ-0001\", \"sampledAt\": \"2026-11-25T08:40:00+08:00\", \"cpuPct\": 42.5, "
              + "\"memoryPct\": 61, \"storagePct\": 73.2, \"powerState\": \"ON\", "
              + "\"syncedAt\": \"2026-11-25T08:35:00+08:00\"}]")))
      @RequestBody JsonNode body) {
    MonitoringIngest.Result result = ingest.ingest(body, currentUser.require());
    return ResponseEntity.status(result.accepted() == 0 && result.rejected() > 0 ? 400 : 200).body(result);
  }

  @Operation(summary = "查询监控告警", description = "可按是否未关闭、资源和问题筛选；使用单位只能看到本单位的告警。")
  @GetMapping("/alerts")
  AlertService.Page alerts(@RequestParam(required = false) Boolean open,
      @RequestParam(required = false) String resourceId, @RequestParam(required = false) String problem,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw ValidationException.of("page", "页码从 0 开始");
    }
    if (size < 1 || size > 500) {
      throw ValidationException.of("size", "每页 1–500 条");
    }
    return alerts.search(currentUser.require(), open, resourceId, problem, page, size);
  }

  @Operation(summary = "监控告警详情", description = "一条告警及其关联的工单或应急事件。")
  @GetMapping("/alerts/{id}")
  Alert alert(@PathVariable long id) {
    Caller caller = currentUser.require();
    Alert a = alerts.get(id);
    if (!caller.seesAllUnits() && (a.unitCode() == null || !caller.unitCodes().contains(a.unitCode()))) {
      throw new cn.gov.gz.govcloud.access.NotFoundException("告警不存在: " + id);
    }
    return a;
  }

  /** Current / average / peak / trough per metric over [from, to); dates are whole days in China time. */
  @Operation(summary = "资源监控统计", description = "指定时段内各指标的当前、平均、峰值和谷值。")
  @GetMapping("/resources/{resourceId}/stats")
  MonitoringStats.ResourceStats stats(@PathVariable String resourceId, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return stats.stats(resourceId, start("from", from), end("to", to), currentUser.require());
  }

  /** Runs the roll-up now (it also runs on its schedule). */
  @Operation(summary = "立即执行汇总", description = "将超过原始数据保留期的采样汇总为日数据（也按计划每日执行）。")
  @PostMapping("/rollup")
  MonitoringStats.RollupResult rollup() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有运维经理或管理员可以手动执行汇总");
    }
    return stats.rollUp();
  }

  /** What the manager adds to a monitoring report: the analysis and suggestions (optional, up to 4,000 characters). */
  record ReportRequest(String analysis) {}

  /**
   * Generates and archives the monitoring report of the period, with the analysis the caller writes (optional JSON
   * body {@code {"analysis": "…"}}); download it from /api/reports/{id}/content.
   */
  @Operation(summary = "生成监控报告", description = "指定时段的监控报告（Word），可附运维经理的分析，归档后返回文档信息。")
  @PostMapping("/reports")
  ResponseEntity<ReportDocument> report(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestBody(required = false) ReportRequest request) {
    Instant f = start("from", from);
    Instant t = end("to", to);
    if (!f.isBefore(t)) {
      throw ValidationException.of("to", "结束时间应晚于开始时间");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(report.generate(f, t,
        request == null ? null : request.analysis(), currentUser.require()));
  }

  /** A date (start of that day in China) or an ISO 8601 time. */
  static Instant start(String field, String value) {
    return parse(field, value, false);
  }

  /** A date (the day is included: up to the start of the next day) or an ISO 8601 time (excluded). */
  static Instant end(String field, String value) {
    return parse(field, value, true);
  }

  private static Instant parse(String field, String value, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      throw ValidationException.of(field, "不能为空，格式如 2026-11-01 或 2026-11-01T08:00:00+08:00");
    }
    String v = value.strip();
    try {
      LocalDate d = LocalDate.parse(v);
      return (endOfDay ? d.plusDays(1) : d).atStartOfDay(MonitoringStats.CHINA).toInstant();
    } catch (RuntimeException notDate) {
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (RuntimeException notTime) {
        try {
          return Instant.parse(v);
        } catch (RuntimeException e) {
          throw ValidationException.of(field, "格式应为 2026-11-01 或 2026-11-01T08:00:00+08:00");
        }
      }
    }
  }
}
