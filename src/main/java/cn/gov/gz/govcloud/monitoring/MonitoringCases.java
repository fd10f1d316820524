package cn.gov.gz.govcloud.monitoring;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.Privileged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands an alert to the case processes through the engine, by process key with business key = the alert number: a
 * severe breach starts {@code emergency-response}, a sustained one {@code work-order}. Never a second case for the
 * same resource and problem while one is running: the alert row is locked, and any running instance started for the
 * resource and problem (by this or an earlier alert) or carrying this alert's business key is joined instead. The
 * start runs on the system's behalf ({@link Privileged}), whoever posted the samples; the unit isolation plugin
 * stamps the instance with the resource's unit.
 */
@Implements(value = "P6 7.2.3.3.3", what = "持续越限转工单、严重越限转应急事件，同一问题只立一案")
@Implements(value = "P3 5.1.3.5", what = "监控发现的问题转工单或应急事件跟进处理")
@Implements(value = "P3 5.3.2.4", what = "严重越限即时预警并启动应急事件处置")
@Service
class MonitoringCases {

  // the start variables of the two processes, their public contract (processes/work-order.bpmn,
  // processes/emergency-response.bpmn and their start forms); this room does not import those rooms' classes
  static final String WORK_ORDER = "work-order";
  static final String EMERGENCY = "emergency-response";
  static final String UNIT_CODE = "unitCode";
  static final String BUSINESS_SYSTEM_CODE = "businessSystemCode";
  static final String TYPE = "type";
  static final String PRIORITY = "priority";
  static final String CHANNEL = "channel";
  static final String SOURCE_REF = "sourceRef";
  static final String TITLE = "title";
  static final String DESCRIPTION = "description";
  static final String CATEGORY = "category";
  static final String SOURCE = "source";
  static final String REPORTER = "reporter";
  static final String DETECTED_AT = "detectedAt";
  static final String SCOPE = "scope";
  static final String ALERT_REF = "alertRef";

  private static final Logger log = LoggerFactory.getLogger(MonitoringCases.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(cn.gov.gz.govcloud.engine.CityTime.ZONE);

  private final AlertService alerts;
  private final RuntimeService runtime;
  private final Privileged privileged;
  private final TransactionTemplate tx;
  private final MonitoringProperties properties;
  private final Clock clock;

  MonitoringCases(AlertService alerts, RuntimeService runtime, Privileged privileged,
      PlatformTransactionManager transactions, MonitoringProperties properties, Clock clock) {
    this.alerts = alerts;
    this.runtime = runtime;
    this.privileged = privileged;
    this.tx = new TransactionTemplate(transactions);
    this.properties = properties;
    this.clock = clock;
  }

  /** What happened to an alert that called for a case. */
  enum Result { STARTED, JOINED, SKIPPED, FAILED }

  /** Starts or joins the case of each alert, each in its own transaction; a failure is recorded on the alert. */
  Map<Result, Integer> handle(List<Long> alertIds) {
    Map<Result, Integer> counts = new java.util.EnumMap<>(Result.class);
    for (long id : alertIds) {
      Result r;
      try {
        r = tx.execute(status -> decide(id));
      } catch (RuntimeException e) {
        log.warn("Monitoring alert {}: could not start its case: {}", id, e.getMessage());
        tx.executeWithoutResult(status -> alerts.caseFailed(id, String.valueOf(e.getMessage())));
        r = Result.FAILED;
      }
      counts.merge(r, 1, Integer::sum);
    }
    return counts;
  }

  private Result decide(long id) {
    Alert a = alerts.lock(id);
    if (!a.open() || a.caseInstanceId() != null || a.caseError() != null) {
      return Result.SKIPPED;
    }
    boolean severe = "SEVERE".equals(a.severity());
    boolean sustained = !java.time.Duration.between(a.firstSeenAt(), a.lastSeenAt())
        .minus(properties.sustainedFor()).isNegative() && a.escalates();
    if (!severe && !sustained) {
      return Result.SKIPPED;
    }
    return privileged.run(() -> {
      List<String[]> earlier = alerts.casesOf(a.resourceId(), a.problem());
      Set<String> ids = earlier.stream().map(c -> c[0]).collect(Collectors.toSet());
      List<ProcessInstance> running = new java.util.ArrayList<>();
      if (!ids.isEmpty()) {
        running.addAll(runtime.createProcessInstanceQuery().processInstanceIds(ids).list());
      }
      running.addAll(runtime.createProcessInstanceQuery().processInstanceBusinessKey(a.alertNo()).list());
      if (!running.isEmpty()) {
        ProcessInstance p = running.get(0);
        String key = p.getProcessDefinitionId().substring(0, p.getProcessDefinitionId().indexOf(':'));
        alerts.linkCase(id, key, p.getId(), clock.instant());
        return Result.JOINED;
      }
      boolean emergency = severe && a.businessSystemCode() != null;
      ProcessInstance started = emergency ? startEmergency(a) : startWorkOrder(a, severe);
      alerts.linkCase(id, emergency ? EMERGENCY : WORK_ORDER, started.getId(), clock.instant());
      log.info("Monitoring alert {} ({} {}) started {} {}", a.alertNo(), a.resourceId(), a.problem(),
          emergency ? EMERGENCY : WORK_ORDER, started.getId());
      return Result.STARTED;
    });
  }

  private ProcessInstance startWorkOrder(Alert a, boolean severe) {
    Map<String, Object> v = new HashMap<>();
    v.put(UNIT_CODE, a.unitCode());
    if (a.businessSystemCode() != null) {
      v.put(BUSINESS_SYSTEM_CODE, a.businessSystemCode());
    }
    v.put(TYPE, a.high() ? "FAULT" : "SERVICE_REQUEST");
    v.put(PRIORITY, severe ? "HIGH" : "MEDIUM");
    v.put(CHANNEL, "MONITORING");
    v.put(SOURCE_REF, a.alertNo());
    v.put(TITLE, cut("监控告警：" + a.resourceId() + " " + a.problemLabel(), 200));
    v.put(DESCRIPTION, cut(describe(a) + (severe ? "已超过严重阈值，但资源未登记业务系统，按高优先级工单处理。"
        : "持续时间已超过 " + properties.sustainedFor().toMinutes() + " 分钟，请核查处理。"), 4000));
    return runtime.createProcessInstanceByKey(WORK_ORDER).businessKey(a.alertNo()).setVariables(v).execute();
  }

  private ProcessInstance startEmergency(Alert a) {
    Map<String, Object> v = new HashMap<>();
    v.put(BUSINESS_SYSTEM_CODE, a.businessSystemCode());
    v.put(CATEGORY, "DEGRADATION");
    v.put(DESCRIPTION, cut(describe(a) + "已超过严重阈值 " + num(a.severeLimit()) + unit(a) + "。", 4000));
    v.put(SOURCE, "MONITORING");
    v.put(REPORTER, "监控系统");
    v.put(DETECTED_AT, Date.from(a.firstSeenAt()));
    v.put(SCOPE, "资源 " + a.resourceId());
    v.put(ALERT_REF, a.alertNo());
    return runtime.createProcessInstanceByKey(EMERGENCY).businessKey(a.alertNo()).setVariables(v).execute();
  }

  private static String describe(Alert a) {
    String range = (a.lowerLimit() == null ? "" : "下限 " + num(a.lowerLimit()) + unit(a) + "，")
        + (a.upperLimit() == null ? "" : "上限 " + num(a.upperLimit()) + unit(a) + "，");
    return "监控告警 " + a.alertNo() + "：资源 " + a.resourceId() + "（使用单位 " + a.unitCode()
        + (a.businessSystemCode() == null ? "" : "，业务系统 " + a.businessSystemCode()) + "）" + a.problemLabel()
        + "。阈值：" + range + "首次越限 " + TIME.format(a.firstSeenAt()) + "，最近 " + TIME.format(a.lastSeenAt())
        + "，共 " + a.sampleCount() + " 次采样越限，最差值 " + num(a.worstValue()) + unit(a) + "。";
  }

  private static String unit(Alert a) {
    return Metric.valueOf(a.metric()).unit();
  }

  private static String num(BigDecimal d) {
    return d == null ? "—" : d.stripTrailingZeros().toPlainString();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
