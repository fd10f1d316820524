package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.web.Text.blank;
import static cn.gov.gz.govcloud.web.Text.blankToNull;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.ledger.LedgerEntry;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.resourceapplication.ApplicationIntake.LineInput;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Line;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Status;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Urgency;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resource applications (P6 7.2.2): structural validation (bad input is refused outright), the completeness and
 * compliance check (problems go back to the unit to correct, in words the unit understands), decisions, delivery and
 * the ledger entries of what was delivered.
 */
@Service
class ResourceApplicationService {

  static final String LINE_RULES = "resource-line-check";
  static final int MAX_LINES = 50;

  private final ApplicationRepository repository;
  private final OrganizationService organization;
  private final LedgerService ledger;
  private final DecisionService decisions;
  private final ResourceApplicationProperties properties;
  private final Clock clock;

  ResourceApplicationService(ApplicationRepository repository, OrganizationService organization, LedgerService ledger,
      @Lazy DecisionService decisions, ResourceApplicationProperties properties, Clock clock) {
    this.repository = repository;
    this.organization = organization;
    this.ledger = ledger;
    this.decisions = decisions;
    this.properties = properties;
    this.clock = clock;
  }

  /** Refuses malformed input, naming every bad field; the compliance check comes later. */
  public void validate(ApplicationIntake in) {
    List<FieldError> errors = new ArrayList<>();
    if (blank(in.unitCode())) {
      errors.add(new FieldError(null, "unitCode", "不能为空"));
    } else if (!organization.unitExists(in.unitCode())) {
      errors.add(new FieldError(null, "unitCode", "使用单位不存在: " + in.unitCode()));
    }
    if (blank(in.businessSystemCode())) {
      errors.add(new FieldError(null, "businessSystemCode", "不能为空"));
    } else {
      Optional<BusinessSystem> system = organization.findSystem(in.businessSystemCode());
      if (system.isEmpty()) {
        errors.add(new FieldError(null, "businessSystemCode", "业务系统不存在: " + in.businessSystemCode()));
      } else if (in.unitCode() != null && !system.get().unitCode().equals(in.unitCode())) {
        errors.add(new FieldError(null, "businessSystemCode", "业务系统不属于该使用单位"));
      }
    }
    if (blank(in.purpose())) {
      errors.add(new FieldError(null, "purpose", "请说明用途"));
    } else if (in.purpose().length() > 2000) {
      errors.add(new FieldError(null, "purpose", "最长 2000 字"));
    }
    if (in.urgency() != null && !Set.of("NORMAL", "EXPEDITED").contains(in.urgency().toUpperCase(Locale.ROOT))) {
      errors.add(new FieldError(null, "urgency", "取值 NORMAL（普通）或 EXPEDITED（重要保障加急）"));
    }
    if (in.externalRef() != null && in.externalRef().length() > 128) {
      errors.add(new FieldError(null, "externalRef", "最长 128 位"));
    }
    validateLines(in.lines(), errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  static void validateLines(List<LineInput> lines, List<FieldError> errors) {
    if (lines == null || lines.isEmpty()) {
      errors.add(new FieldError(null, "lines", "至少需要一行资源明细"));
      return;
    }
    if (lines.size() > MAX_LINES) {
      errors.add(new FieldError(null, "lines", "一次最多申请 " + MAX_LINES + " 行"));
    }
    for (int i = 0; i < lines.size(); i++) {
      LineInput l = lines.get(i);
      if (l == null) {
        errors.add(new FieldError(i, "lines", "空行"));
        continue;
      }
      if (blank(l.type()) || !isType(l.type())) {
        errors.add(new FieldError(i, "lines.type", "资源类型应为 VM、PHYSICAL、STORAGE、DATABASE 或 OTHER"));
      }
      if (l.quantity() == null || l.quantity() < 1) {
        errors.add(new FieldError(i, "lines.quantity", "数量至少为 1"));
      }
      if ((l.vcpu() != null && l.vcpu() < 1) || (l.memoryGb() != null && l.memoryGb() < 1)
          || (l.diskTb() != null && l.diskTb().signum() <= 0)) {
        errors.add(new FieldError(i, "lines", "规格必须为正数"));
      }
    }
  }

  @Transactional
  public ResourceApplication register(ApplicationIntake in, String processInstanceId, String applicant) {
    validate(in);
    Urgency urgency = in.urgency() == null ? Urgency.NORMAL : Urgency.valueOf(in.urgency().toUpperCase(Locale.ROOT));
    var now = clock.instant();
    // P6 7.3.3.3 b: during an important assurance period of the system its applications are expedited
    var assurance = repository.assuranceCovering(in.businessSystemCode(), now);
    if (assurance.isPresent()) {
      urgency = Urgency.EXPEDITED;
    }
    long id = repository.insert(blankToNull(in.externalRef()), processInstanceId, in.unitCode(),
        in.businessSystemCode(), in.purpose().strip(), urgency, blankToNull(in.idleJustification()), applicant, now);
    repository.replaceLines(id, lines(in.lines()));
    repository.event(id, "SUBMITTED", applicant, "提交申请（" + (urgency == Urgency.EXPEDITED ? "重要保障加急" : "普通") + "）"
        + assurance.map(a -> "；业务系统处于重要保障期（" + a + "），按加急办理").orElse(""), now);
    return get(id);
  }

  /**
   * Completeness and compliance (P6 7.2.2.2): required spec per type, the catalogue limits of the decision table
   * {@code resource-line-check}, and new VMs while the unit's VMs sit idle (P3 Appendix C) without a justification.
   * Returns the problems in the unit's words; empty when the application may go to review.
   */
  @Transactional
  public List<String> check(long id) {
    ResourceApplication a = get(id);
    List<String> problems = new ArrayList<>();
    for (Line l : a.lines()) {
      String p = "第 " + l.lineNo() + " 行（" + label(l.type()) + "）：";
      switch (l.type()) {
        case "VM" -> {
          if (l.vcpu() == null || l.memoryGb() == null || blank(l.os())) {
            problems.add(p + "请填写 vCPU、内存和操作系统");
          }
        }
        case "PHYSICAL" -> {
          if (blank(l.brand()) || blank(l.model())) {
            problems.add(p + "物理服务器请填写品牌和型号");
          }
          if (l.vcpu() == null || l.memoryGb() == null) {
            problems.add(p + "请填写 CPU 核数和内存");
          }
        }
        case "STORAGE", "DATABASE" -> {
          if (l.diskTb() == null) {
            problems.add(p + "请填写容量（TB）");
          }
        }
        default -> { }
      }
      Map<String, Object> input = new HashMap<>();
      input.put("type", l.type());
      input.put("vcpu", l.vcpu());
      input.put("memoryGb", l.memoryGb());
      input.put("diskTb", l.diskTb() == null ? null : l.diskTb().doubleValue());
      input.put("quantity", l.quantity());
      decisions.evaluateDecisionByKey(LINE_RULES).variables(Variables.fromMap(input)).evaluate()
          .collectEntries("problem").forEach(m -> problems.add(p + m));
    }
    boolean asksForVms = a.lines().stream().anyMatch(l -> "VM".equals(l.type()));
    if (asksForVms && blank(a.idleJustification())) {
      int idle = ledger.idleVms(a.unitCode(), properties.idleVmCpuBelow(), properties.idleVmMemoryBelow());
      if (idle > 0) {
        problems.add("贵单位现有 " + idle + " 台云主机利用率偏低（vCPU < " + properties.idleVmCpuBelow() + "%、内存 < "
            + properties.idleVmMemoryBelow() + "%，见 DB4401/T 294.3 附录 C）：请说明新增的必要性，或先释放闲置资源");
      }
    }
    var now = clock.instant();
    if (problems.isEmpty()) {
      repository.status(id, Status.IN_REVIEW, null, false, now);
      repository.event(id, "CHECK", "system", "完整性与合规性检查通过", now);
    } else {
      repository.status(id, Status.NEEDS_CORRECTION, null, false, now);
      repository.event(id, "CHECK", "system", "检查发现以下问题：\n" + String.join("\n", problems), now);
    }
    return problems;
  }

  /** The unit's correction (P6 7.2.2.5): new lines and, where asked, a justification. */
  @Transactional
  public void correct(long id, List<LineInput> lines, String justification, String by) {
    List<FieldError> errors = new ArrayList<>();
    validateLines(lines, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    repository.replaceLines(id, lines(lines));
    if (!blank(justification)) {
      repository.justification(id, justification.strip());
    }
    repository.event(id, "CORRECTED", by, "使用单位更正、补充了申请", clock.instant());
  }

  @Transactional
  public void decide(long id, Status status, String kind, String reason, String by) {
    boolean closes = status == Status.REJECTED || status == Status.WITHDRAWN || status == Status.DELIVERED;
    repository.status(id, status, blankToNull(reason), closes, clock.instant());
    repository.event(id, kind, by, describe(status) + (blank(reason) ? "" : "：" + reason.strip()), clock.instant());
  }

  /** Records what was delivered per line; each line must be delivered in full, with ids not yet in the ledger. */
  @Transactional
  public void recordDeliveries(long id, List<DeliveryInput> deliveries, String by) {
    ResourceApplication a = get(id);
    List<FieldError> errors = new ArrayList<>();
    if (deliveries == null || deliveries.isEmpty()) {
      throw ValidationException.of("deliveries", "请登记交付的资源");
    }
    Map<Integer, Integer> perLine = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < deliveries.size(); i++) {
      DeliveryInput d = deliveries.get(i);
      if (d == null || d.lineNo() == null || a.lines().stream().noneMatch(l -> l.lineNo() == d.lineNo())) {
        errors.add(new FieldError(i, "deliveries.lineNo", "行号不在申请中"));
        continue;
      }
      if (blank(d.resourceId())) {
        errors.add(new FieldError(i, "deliveries.resourceId", "请填写资源编号（实例 ID 或资产编号）"));
      } else if (!ids.add(d.resourceId().strip()) || ledger.exists(d.resourceId().strip())) {
        errors.add(new FieldError(i, "deliveries.resourceId", "资源编号重复或已在台账中: " + d.resourceId()));
      }
      perLine.merge(d.lineNo(), 1, Integer::sum);
    }
    for (Line l : a.lines()) {
      int delivered = perLine.getOrDefault(l.lineNo(), 0);
      if (delivered != l.quantity()) {
        errors.add(new FieldError(null, "deliveries", "第 " + l.lineNo() + " 行申请 " + l.quantity() + "，登记交付 "
            + delivered));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    repository.replaceDeliveries(id, deliveries, by, clock.instant());
    repository.status(id, Status.DELIVERING, null, false, clock.instant());
    repository.event(id, "DELIVERED", by, "登记交付 " + deliveries.size() + " 项资源，待使用单位确认", clock.instant());
  }

  /** Delivered resources enter the ledger (P6 7.2.2.4), in the transaction of the process step. */
  @Transactional
  public int enterLedger(long id, String by) {
    ResourceApplication a = get(id);
    Map<Integer, Line> lines = new HashMap<>();
    a.lines().forEach(l -> lines.put(l.lineNo(), l));
    List<LedgerEntry> entries = repository.deliveries(id).stream().map(d -> {
      Line l = lines.get(d.lineNo());
      return new LedgerEntry(d.resourceId(), a.unitCode(), a.businessSystemCode(), a.id(), d.lineNo(),
          ResourceType.valueOf(l.type()), d.vcpu() != null ? d.vcpu() : l.vcpu(),
          d.memoryGb() != null ? d.memoryGb() : l.memoryGb(), d.diskTb() != null ? d.diskTb() : l.diskTb(), l.os(),
          d.brand() != null ? d.brand() : l.brand(), d.model() != null ? d.model() : l.model(), d.location(), d.ip());
    }).toList();
    ledger.add(entries, by);
    decide(id, Status.DELIVERED, "LEDGER", "已交付并登记入台账（" + entries.size() + " 项）", by);
    return entries.size();
  }

  public ResourceApplication get(long id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("资源申请不存在: " + id));
  }

  public ResourceApplication get(String applicationNo, Caller caller) {
    return repository.findByNo(applicationNo)
        .filter(a -> caller.mayAccessUnit(a.unitCode()))
        .orElseThrow(() -> new NotFoundException("资源申请不存在: " + applicationNo));
  }

  public Optional<ResourceApplication> findByExternalRef(String ref) {
    return repository.findByExternalRef(ref);
  }

  public Optional<ResourceApplication> findByProcessInstance(String processInstanceId) {
    return repository.findByProcessInstance(processInstanceId);
  }

  public List<ResourceApplication> search(Caller caller, Status status, int limit) {
    return repository.search(caller.seesAllUnits() ? null : caller.unitCodes(), status,
        Math.min(Math.max(limit, 1), 500));
  }

  public List<ApplicationEvent> events(long id) {
    return repository.events(id);
  }

  public List<DeliveryInput> deliveries(long id) {
    return repository.deliveries(id);
  }

  private static List<Line> lines(List<LineInput> in) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      LineInput l = in.get(i);
      out.add(new Line(i + 1, l.type().toUpperCase(Locale.ROOT), l.vcpu(), l.memoryGb(), l.diskTb(),
          blankToNull(l.os()), blankToNull(l.brand()), blankToNull(l.model()), l.quantity(), l.durationMonths()));
    }
    return out;
  }

  private static String describe(Status status) {
    return switch (status) {
      case APPROVED -> "审批通过";
      case REJECTED -> "不予通过";
      case WITHDRAWN -> "申请已撤回";
      case DELIVERED -> "交付完成";
      case NEEDS_CORRECTION -> "退回更正";
      case IN_REVIEW -> "进入审核";
      default -> status.name();
    };
  }

  private static boolean isType(String s) {
    try {
      ResourceType.valueOf(s.toUpperCase(Locale.ROOT));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String label(String type) {
    return isType(type) ? ResourceType.valueOf(type).label() : type;
  }
}
