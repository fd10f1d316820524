package cn.gov.gz.govcloud.workorder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.workorder.WorkOrder.Status;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/work-orders}: how the portal, the hotline system and monitoring open work orders, and how anyone reads
 * them. Opening one starts the {@code work-order} process with the caller's rights; a repeated alert (same
 * {@code sourceRef}) joins the open order instead of opening another.
 */
@Tag(name = "运维工单", description = "服务台工单（P6 7.3.1、7.3.2；GB/T 34077.3 5.3）。")
@Implements(value = "GB 8.4.4 b", what = "与呼叫中心（热线）系统集成的工单接口")
@Implements(value = "GB 5.3.2 b 2", what = "在线工单提交")
@RestController
@RequestMapping("/api/work-orders")
class WorkOrderController {

  static final ZoneId CHINA = WorkingCalendar.CHINA;

  private final WorkOrderService service;
  private final WorkOrderStatistics statistics;
  private final RuntimeService runtime;
  private final CurrentUser currentUser;

  WorkOrderController(WorkOrderService service, WorkOrderStatistics statistics, RuntimeService runtime,
      CurrentUser currentUser) {
    this.service = service;
    this.statistics = statistics;
    this.runtime = runtime;
    this.currentUser = currentUser;
  }

  /** The answer to opening an order: its number, process instance and whether it joined an open one. */
  record Opened(String orderNo, String processInstanceId, Status status, boolean joinedExisting) {}

  @Operation(summary = "开立工单", description = "启动运维工单流程（201）；同一 sourceRef 在工单未结束前再次提交时并入（200，joinedExisting=true）。")
  @PostMapping
  @Transactional
  ResponseEntity<Opened> open(@RequestBody WorkOrderIntake body) {
    Caller caller = currentUser.require();
    WorkOrderIntake intake = body;
    if (!caller.seesAllUnits()) {
      List<String> units = caller.unitCodes();
      if (intake.unitCode() != null && !units.contains(intake.unitCode())) {
        throw ValidationException.of(UNIT_CODE, "不能以其他单位的名义提交工单");
      }
      if (intake.unitCode() == null && !units.isEmpty()) {
        intake = new WorkOrderIntake(units.get(0), intake.businessSystemCode(), intake.contactName(),
            intake.contactPhone(), intake.type(), intake.priority(), intake.channel(), intake.sourceRef(),
            intake.title(), intake.description());
      }
    }
    service.validate(intake);
    if (intake.sourceRef() != null) {
      var open = service.findOpenBySource(intake.sourceRef());
      if (open.isPresent()) {
        service.note(open.get().id(), "SYSTEM", caller.userId(), "重复报告：" + intake.title());
        return ResponseEntity.ok(new Opened(open.get().orderNo(), open.get().processInstanceId(),
            open.get().status(), true));
      }
    }
    Map<String, Object> variables = new HashMap<>();
    put(variables, UNIT_CODE, intake.unitCode());
    put(variables, BUSINESS_SYSTEM_CODE, intake.businessSystemCode());
    put(variables, CONTACT_NAME, intake.contactName());
    put(variables, CONTACT_PHONE, intake.contactPhone());
    put(variables, TYPE, intake.type().name());
    put(variables, PRIORITY, intake.priority().name());
    put(variables, CHANNEL, intake.channel().name());
    put(variables, SOURCE_REF, intake.sourceRef());
    put(variables, TITLE, intake.title());
    put(variables, DESCRIPTION, intake.description());
    String instanceId = runtime.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(intake.sourceRef())
        .setVariables(variables)
        .execute().getId();
    WorkOrder order = service.findByProcessInstance(instanceId).orElseThrow();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Opened(order.orderNo(), instanceId, order.status(), false));
  }

  private static void put(Map<String, Object> variables, String name, String value) {
    if (value != null) {
      variables.put(name, value);
    }
  }

  @Operation(summary = "查询工单", description = "按状态、类型和时间段筛选；使用单位只能看到本单位的工单。")
  @GetMapping
  List<WorkOrder> search(@RequestParam(required = false) Status status,
      @RequestParam(required = false) WorkOrderType type,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "100") int limit) {
    return service.search(currentUser.require(), status, type, start(from), end(to), limit);
  }

  /** One order with its history, pauses and attachments. */
  record Detail(WorkOrder order, Instant recoveryDueAt, List<WorkOrderNote> notes, List<WorkOrderPause> pauses,
      List<WorkOrderAttachment> attachments) {}

  @Operation(summary = "工单详情", description = "含处理记录（进展、反馈、升级）、暂停与附件。")
  @GetMapping("/{orderNo}")
  Detail detail(@PathVariable String orderNo) {
    WorkOrder order = service.get(orderNo, currentUser.require());
    return new Detail(order, order.recoveryDueAt(), service.notes(order.id()), service.pauses(order.id()),
        service.attachments(order.id()));
  }

  @Operation(summary = "上传工单附件", description = "multipart 字段 file，不超过 10 MB。")
  @PostMapping(path = "/{orderNo}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<WorkOrderAttachment> attach(@PathVariable String orderNo,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    Caller caller = currentUser.require();
    WorkOrder order = service.get(orderNo, caller);
    if (file == null) {
      throw ValidationException.of("file", "请选择要上传的文件");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(
        service.attach(order, file.getOriginalFilename(), file.getContentType(), file.getBytes(), caller.userId()));
  }

  @Operation(summary = "下载工单附件")
  @GetMapping("/{orderNo}/attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable String orderNo, @PathVariable long id) {
    WorkOrder order = service.get(orderNo, currentUser.require());
    WorkOrderAttachment meta = service.attachments(order.id()).stream().filter(a -> a.id() == id).findFirst()
        .orElseThrow(() -> new cn.gov.gz.govcloud.access.NotFoundException("附件不存在: " + id));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(meta.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(service.attachmentContent(order.id(), id));
  }

  @Operation(summary = "工单统计", description = "按类型、单位、系统统计，派单与恢复及时率、满意度、投诉率和重开率；仅服务方、管理方和监理方。")
  @GetMapping("/statistics")
  WorkOrderStatistics.Summary statistics(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    Caller caller = currentUser.require();
    if (!caller.seesAllUnits()) {
      throw new cn.gov.gz.govcloud.access.AccessDeniedException("统计数据仅对管理方、服务方和监理方开放");
    }
    if (to.isBefore(from)) {
      throw ValidationException.of("to", "结束日期不能早于开始日期");
    }
    return statistics.of(start(from), end(to));
  }

  private static Instant start(LocalDate day) {
    return day == null ? null : day.atStartOfDay(CHINA).toInstant();
  }

  private static Instant end(LocalDate day) {
    return day == null ? null : day.plusDays(1).atStartOfDay(CHINA).toInstant();
  }
}
