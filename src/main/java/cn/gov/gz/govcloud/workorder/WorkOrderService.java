package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import cn.gov.gz.govcloud.workorder.WorkOrder.Priority;
import cn.gov.gz.govcloud.workorder.WorkOrder.Status;
import cn.gov.gz.govcloud.workorder.WorkOrderTargets.Targets;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work order's data and clocks. The process calls it step by step (through its delegates); REST reads it.
 * Times: dispatch deadline = receipt + dispatch target; recovery deadline = receipt + recovery target of the
 * service level + time spent waiting on the user (paused), all in working time for the 5×8 levels 3–4 (GB/T 34077.3
 * 5.3.6). Reclassifying recomputes the targets and keeps the paused time.
 */
@Service
class WorkOrderService {

  private final WorkOrderRepository repository;
  private final WorkOrderTargets targets;
  private final OrganizationService organization;
  private final WorkOrderProperties properties;
  private final Validator validator;
  private final WorkingCalendar calendar;
  private final Clock clock;

  WorkOrderService(WorkOrderRepository repository, WorkOrderTargets targets, OrganizationService organization,
      WorkOrderProperties properties, Validator validator, WorkingCalendar calendar, Clock clock) {
    this.repository = repository;
    this.targets = targets;
    this.organization = organization;
    this.properties = properties;
    this.validator = validator;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Checks an intake; throws {@link ValidationException} naming every bad field. Returns the service level. */
  public int validate(WorkOrderIntake intake) {
    List<FieldError> errors = new ArrayList<>();
    validator.validate(intake).forEach(v -> errors.add(
        new FieldError(null, v.getPropertyPath().toString(), v.getMessage())));
    int level = properties.defaultServiceLevel();
    if (intake.unitCode() != null && !organization.unitExists(intake.unitCode())) {
      errors.add(new FieldError(null, "unitCode", "使用单位不存在: " + intake.unitCode()));
    }
    if (intake.unitCode() == null && intake.type() != WorkOrderType.FINDING) {
      errors.add(new FieldError(null, "unitCode", "不能为空（仅问题跟进类工单可不指定使用单位）"));
    }
    if (intake.businessSystemCode() != null) {
      Optional<BusinessSystem> system = organization.findSystem(intake.businessSystemCode());
      if (system.isEmpty()) {
        errors.add(new FieldError(null, "businessSystemCode", "业务系统不存在: " + intake.businessSystemCode()));
      } else if (intake.unitCode() != null && !system.get().unitCode().equals(intake.unitCode())) {
        errors.add(new FieldError(null, "businessSystemCode", "业务系统不属于该使用单位"));
      } else {
        level = system.get().serviceLevel();
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return level;
  }

  /** Registers a received order with its targets. */
  @Transactional
  public WorkOrder register(WorkOrderIntake intake, String processInstanceId, String createdBy) {
    int level = validate(intake);
    Instant now = clock.instant();
    long id = repository.insert(intake, level, processInstanceId, createdBy, now);
    applyTargets(id, intake.type(), intake.priority(), level, now);
    repository.addNote(id, "SYSTEM", createdBy, "工单已受理（渠道：" + intake.channel() + "）", now);
    return get(id);
  }

  /** The service desk's classification (P6 7.3.1.2); targets follow the new type, priority and level. */
  @Transactional
  public WorkOrder classify(long id, WorkOrderType type, Priority priority, String businessSystemCode, String by) {
    WorkOrder order = get(id);
    int level = order.serviceLevel();
    if (businessSystemCode != null && !businessSystemCode.equals(order.businessSystemCode())) {
      BusinessSystem system = organization.findSystem(businessSystemCode)
          .orElseThrow(() -> ValidationException.of("businessSystemCode", "业务系统不存在: " + businessSystemCode));
      if (order.unitCode() != null && !system.unitCode().equals(order.unitCode())) {
        throw ValidationException.of("businessSystemCode", "业务系统不属于该使用单位");
      }
      level = system.serviceLevel();
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("type", type);
    changes.put("priority", priority);
    changes.put("service_level", level);
    changes.put("business_system_code", businessSystemCode != null ? businessSystemCode : order.businessSystemCode());
    Instant now = clock.instant();
    repository.update(id, changes, now);
    applyTargets(id, type, priority, level, order.receivedAt());
    if (type != order.type() || priority != order.priority() || level != order.serviceLevel()) {
      repository.addNote(id, "SYSTEM", by, "分类调整为：" + type.label() + "，优先级 " + priority + "，服务级别 " + level,
          now);
    }
    return get(id);
  }

  private void applyTargets(long id, WorkOrderType type, Priority priority, int level, Instant receivedAt) {
    Targets t = targets.of(type, priority, level);
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("service_hours", t.workingHoursOnly() ? "5x8" : "7x24");
    changes.put("dispatch_due_at", after(receivedAt, t.dispatchWithin(), t.workingHoursOnly()));
    changes.put("recover_within_s", t.recoverWithin().toSeconds());
    repository.update(id, changes, clock.instant());
    updateRecoveryDue(id);
  }

  /**
   * Recovery deadline: receipt + the level's recovery target + the time spent waiting on the user; for 5×8 levels
   * all three count working time on the mainland-China calendar.
   */
  private void updateRecoveryDue(long id) {
    WorkOrder o = get(id);
    Duration budget = Duration.ofSeconds(o.recoverWithinSeconds() + o.pausedSeconds());
    repository.update(id, Map.of("recovery_due_at", after(o.receivedAt(), budget, o.workingHoursOnly())),
        clock.instant());
  }

  private Instant after(Instant start, Duration amount, boolean workingHoursOnly) {
    return workingHoursOnly ? calendar.plusWorkingTime(start, amount) : start.plus(amount);
  }

  public Targets targetsOf(WorkOrder order) {
    return targets.of(order.type(), order.priority(), order.serviceLevel());
  }

  /** Marks (or, with null, unmarks) the order as a security incident (P6 7.4.1.5); a change is noted. */
  @Transactional
  public void securityCategory(long id, SecurityCategory category, String by) {
    Optional<SecurityCategory> before = repository.securityCategory(id);
    if (before.orElse(null) == category) {
      return;
    }
    Instant now = clock.instant();
    repository.securityCategory(id, category, now);
    repository.addNote(id, "SYSTEM", by, category == null ? "取消安全事件标记" : "标记为" + category.label(), now);
  }

  public Optional<SecurityCategory> securityCategory(long id) {
    return repository.securityCategory(id);
  }

  @Transactional
  public void dispatched(long id, String handlerGroup, String by) {
    Instant now = clock.instant();
    WorkOrder order = get(id);
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("status", Status.DISPATCHED);
    changes.put("handler_group", handlerGroup);
    if (order.dispatchedAt() == null) {
      changes.put("dispatched_at", now);
    }
    repository.update(id, changes, now);
    repository.addNote(id, "SYSTEM", by, "已分派给 " + handlerGroup, now);
  }

  @Transactional
  public void note(long id, String kind, String author, String text) {
    if (text != null && !text.isBlank()) {
      repository.addNote(id, kind, author, text.strip(), clock.instant());
    }
  }

  /** The order waits on the user: the recovery clock stops, with the reason recorded. */
  @Transactional
  public void pause(long id, String reason, String by) {
    if (repository.openPauseStart(id).isPresent()) {
      return;
    }
    Instant now = clock.instant();
    String why = reason == null || reason.isBlank() ? "等待用户补充信息" : reason.strip();
    repository.openPause(id, why, now);
    repository.update(id, Map.of("status", Status.WAITING_USER), now);
    repository.addNote(id, "SYSTEM", by, "处理时限暂停：" + why, now);
  }

  /** The user answered: the clock runs again; returns the recovery deadline moved by the paused time. */
  @Transactional
  public Instant resume(long id, String by) {
    Instant now = clock.instant();
    WorkOrder order = get(id);
    Optional<Instant> started = repository.openPauseStart(id);
    if (started.isPresent()) {
      long paused = (order.workingHoursOnly() ? calendar.workingTimeBetween(started.get(), now)
          : Duration.between(started.get(), now)).toSeconds();
      repository.closePause(id, now);
      repository.update(id, Map.of("paused_s", order.pausedSeconds() + Math.max(0, paused),
          "status", Status.DISPATCHED), now);
      repository.addNote(id, "SYSTEM", by, "处理时限恢复计时（暂停 " + formatDuration(paused)
          + (order.workingHoursOnly() ? "工作时间" : "") + "）", now);
      updateRecoveryDue(id);
    }
    return get(id).recoveryDueAt();
  }

  @Transactional
  public void resolved(long id, String by) {
    Instant now = clock.instant();
    repository.update(id, Map.of("status", Status.RESOLVED, "resolved_at", now), now);
    repository.addNote(id, "SYSTEM", by, "处理完成，待用户确认", now);
  }

  @Transactional
  public void reopened(long id, String by, String reason) {
    Instant now = clock.instant();
    WorkOrder order = get(id);
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("status", Status.DISPATCHED);
    changes.put("reopen_count", order.reopenCount() + 1);
    changes.put("resolved_at", null);
    repository.update(id, changes, now);
    repository.addNote(id, "USER", by, "用户重新打开工单：" + (reason == null || reason.isBlank() ? "问题未解决" : reason),
        now);
  }

  @Transactional
  public void transferredToEmergency(long id, String emergencyRef, String by) {
    Instant now = clock.instant();
    repository.update(id, Map.of("status", Status.EMERGENCY, "emergency_ref", emergencyRef), now);
    repository.addNote(id, "SYSTEM", by, "已升级为应急事件处置（" + emergencyRef + "）", now);
  }

  @Transactional
  public void escalated(long id, int level, String group, String reason) {
    Instant now = clock.instant();
    WorkOrder order = get(id);
    if (level > order.escalationLevel()) {
      repository.update(id, Map.of("escalation_level", level), now);
    }
    repository.addNote(id, "ESCALATION", "system", reason + "，第 " + level + " 级升级至 " + group, now);
  }

  @Transactional
  public void closed(long id, String reason, String by) {
    Instant now = clock.instant();
    repository.update(id, Map.of("status", Status.CLOSED, "closed_at", now, "close_reason", reason), now);
    repository.addNote(id, "SYSTEM", by, "工单关闭（" + reason + "）", now);
  }

  @Transactional
  public void answeredFromKnowledge(long id, Long articleId) {
    if (articleId != null) {
      repository.update(id, Map.of("knowledge_article_id", articleId), clock.instant());
    }
  }

  @Transactional
  public void survey(long id, Integer score, String comment, String by) {
    if (score != null && (score < 1 || score > 5)) {
      throw ValidationException.of("satisfactionScore", "评分为 1–5");
    }
    Instant now = clock.instant();
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("satisfaction_score", score);
    changes.put("satisfaction_comment", comment);
    repository.update(id, changes, now);
    repository.addNote(id, "USER", by, "满意度评价：" + (score == null ? "未评价" : score + " 分")
        + (comment == null || comment.isBlank() ? "" : "，" + comment), now);
  }

  public WorkOrder get(long id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("工单不存在: " + id));
  }

  public Optional<WorkOrder> findByProcessInstance(String processInstanceId) {
    return repository.findByProcessInstance(processInstanceId);
  }

  static final long MAX_ATTACHMENT = 10L * 1024 * 1024;

  @Transactional
  public WorkOrderAttachment attach(WorkOrder order, String fileName, String contentType, byte[] content, String by) {
    if (content == null || content.length == 0) {
      throw ValidationException.of("file", "文件为空");
    }
    if (content.length > MAX_ATTACHMENT) {
      throw ValidationException.of("file", "文件不能超过 10 MB");
    }
    String name = fileName == null || fileName.isBlank() ? "附件" : fileName.replaceAll("[\\/\\\\\\r\\n]", "_");
    if (name.length() > 200) {
      name = name.substring(name.length() - 200);
    }
    String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    long id = repository.addAttachment(order.id(), name, type.length() > 100 ? "application/octet-stream" : type,
        content, by, clock.instant());
    repository.addNote(order.id(), "SYSTEM", by, "上传附件：" + name, clock.instant());
    return repository.attachments(order.id()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
  }

  public List<WorkOrderAttachment> attachments(long workOrderId) {
    return repository.attachments(workOrderId);
  }

  public byte[] attachmentContent(long workOrderId, long attachmentId) {
    return repository.attachmentContent(workOrderId, attachmentId)
        .orElseThrow(() -> new NotFoundException("附件不存在: " + attachmentId));
  }

  public Optional<WorkOrder> findOpenBySource(String sourceRef) {
    return repository.findOpenBySource(sourceRef);
  }

  /** An order as the caller may see it: unit users only their own unit's. */
  public WorkOrder get(String orderNo, Caller caller) {
    return repository.findByNo(orderNo)
        .filter(o -> caller.seesAllUnits() || (o.unitCode() != null && caller.unitCodes().contains(o.unitCode())))
        .orElseThrow(() -> new NotFoundException("工单不存在: " + orderNo));
  }

  public List<WorkOrder> search(Caller caller, Status status, WorkOrderType type, Instant from, Instant to, int limit) {
    return repository.search(caller.seesAllUnits() ? null : caller.unitCodes(), status, type, from, to,
        Math.min(Math.max(limit, 1), 500));
  }

  public List<WorkOrderNote> notes(long id) {
    return repository.notes(id);
  }

  public List<WorkOrderPause> pauses(long id) {
    return repository.pauses(id);
  }

  public Optional<Instant> lastNoteAt(long id, String kind) {
    return repository.lastNoteAt(id, kind);
  }

  List<WorkOrder> receivedBetween(Instant from, Instant to) {
    return repository.receivedBetween(from, to);
  }

  static String formatDuration(long seconds) {
    long h = seconds / 3600;
    long m = (seconds % 3600) / 60;
    return h > 0 ? h + " 小时 " + m + " 分钟" : m + " 分钟";
  }
}
