package cn.gov.gz.govcloud.organization;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Using units and business systems. Writes are all-or-nothing: a batch with one bad row stores nothing and names
 * every bad row and field. Unit users read only their own unit.
 */
@Implements(value = "GB 5.3.6", what = "每个业务系统登记服务级别（一至四级），决定工单时限")
@Service
public class OrganizationService {

  static final int MAX_BATCH = 5000;

  private final OrganizationRepository repository;
  private final Validator validator;
  private final ApplicationEventPublisher events;

  OrganizationService(OrganizationRepository repository, Validator validator, ApplicationEventPublisher events) {
    this.repository = repository;
    this.validator = validator;
    this.events = events;
  }

  public boolean unitExists(String code) {
    return repository.unitExists(code);
  }

  /** A business system by code, without access checks (for processes and services acting for the system). */
  public java.util.Optional<BusinessSystem> findSystem(String code) {
    return repository.system(code);
  }

  /** A unit's business systems (or all when {@code unitCode} is null), without access checks, for forms. */
  public List<BusinessSystem> systemsOf(String unitCode) {
    return repository.systems(unitCode == null ? null : List.of(unitCode));
  }

  /** "交通调度平台（广州市交通运输局）": a system as people name it, for task names, forms and documents. */
  public String systemLabel(String systemCode) {
    if (systemCode == null) {
      return null;
    }
    return findSystem(systemCode).map(s -> s.name() + "（" + unitName(s.unitCode()) + "）").orElse(systemCode);
  }

  /** A unit by code, without access checks. */
  public java.util.Optional<Unit> findUnit(String code) {
    return repository.unit(code);
  }

  /** How documents name a unit: its registered name; the code when it is not registered; "—" for none. */
  public String unitName(String code) {
    return code == null || code.isBlank() ? "—" : repository.unit(code).map(Unit::name).orElse(code);
  }

  /** How documents name a business system: its registered name; the code when unknown; "—" for none. */
  public String systemName(String code) {
    return code == null || code.isBlank() ? "—" : repository.system(code).map(BusinessSystem::name).orElse(code);
  }

  /** Every unit's name by code, for documents that name many units. */
  public java.util.Map<String, String> unitNames() {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    repository.units(null).forEach(u -> m.put(u.code(), u.name()));
    return m;
  }

  /** Every business system's name by code, for documents that name many systems. */
  public java.util.Map<String, String> systemNames() {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    repository.systems(null).forEach(s -> m.put(s.code(), s.name()));
    return m;
  }

  @Transactional(readOnly = true)
  public List<Unit> units(Caller caller) {
    return repository.units(caller.seesAllUnits() ? null : caller.unitCodes());
  }

  @Transactional(readOnly = true)
  public Unit unit(String code, Caller caller) {
    Unit unit = repository.unit(code).orElseThrow(() -> new NotFoundException("使用单位不存在: " + code));
    if (!caller.mayAccessUnit(code)) {
      throw new NotFoundException("使用单位不存在: " + code);
    }
    return unit;
  }

  @Transactional
  public List<Unit> registerUnits(List<Unit> units, Caller caller, boolean bulk) {
    requireMasterDataRights(caller);
    checkBatchSize(units);
    List<FieldError> errors = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      Integer row = bulk ? i : null;
      if (u == null) {
        errors.add(new FieldError(row, "", "空行"));
        continue;
      }
      validate(u, row, errors);
      if (u.code() != null && (!codes.add(u.code()) || repository.unitExists(u.code()))) {
        errors.add(new FieldError(row, "code", "编码已存在: " + u.code()));
      }
      if (u.name() != null && (!names.add(u.name()) || repository.unitNameTaken(u.name(), String.valueOf(u.code())))) {
        errors.add(new FieldError(row, "name", "名称已存在: " + u.name()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    for (Unit u : units) {
      repository.insertUnit(u);
      events.publishEvent(new UnitRegistered(u.code(), u.name()));
    }
    return units;
  }

  @Transactional
  public Unit updateUnit(String code, Unit unit, Caller caller) {
    requireMasterDataRights(caller);
    repository.unit(code).orElseThrow(() -> new NotFoundException("使用单位不存在: " + code));
    Unit changed = new Unit(code, unit.name(), unit.contactName(), unit.contactPhone(), unit.email());
    List<FieldError> errors = new ArrayList<>();
    validate(changed, null, errors);
    if (unit.code() != null && !code.equals(unit.code())) {
      errors.add(new FieldError(null, "code", "编码不可修改"));
    }
    if (changed.name() != null && repository.unitNameTaken(changed.name(), code)) {
      errors.add(new FieldError(null, "name", "名称已存在: " + changed.name()));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    repository.updateUnit(changed);
    return changed;
  }

  @Transactional(readOnly = true)
  public List<BusinessSystem> systems(Caller caller, String unitCode) {
    if (unitCode != null) {
      if (!caller.mayAccessUnit(unitCode)) {
        return List.of();
      }
      return repository.systems(List.of(unitCode));
    }
    return repository.systems(caller.seesAllUnits() ? null : caller.unitCodes());
  }

  @Transactional(readOnly = true)
  public BusinessSystem system(String code, Caller caller) {
    return repository.system(code)
        .filter(s -> caller.mayAccessUnit(s.unitCode()))
        .orElseThrow(() -> new NotFoundException("业务系统不存在: " + code));
  }

  @Transactional
  public List<BusinessSystem> registerSystems(List<BusinessSystem> systems, Caller caller, boolean bulk) {
    requireMasterDataRights(caller);
    checkBatchSize(systems);
    List<FieldError> errors = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < systems.size(); i++) {
      BusinessSystem s = systems.get(i);
      Integer row = bulk ? i : null;
      if (s == null) {
        errors.add(new FieldError(row, "", "空行"));
        continue;
      }
      validate(s, row, errors);
      if (s.code() != null && (!codes.add(s.code()) || repository.systemExists(s.code()))) {
        errors.add(new FieldError(row, "code", "编码已存在: " + s.code()));
      }
      if (s.unitCode() != null && !s.unitCode().isBlank() && !repository.unitExists(s.unitCode())) {
        errors.add(new FieldError(row, "unitCode", "使用单位不存在: " + s.unitCode()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    systems.forEach(repository::insertSystem);
    return systems;
  }

  private <T> void validate(T value, Integer row, List<FieldError> errors) {
    validator.validate(value).stream()
        .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
        .forEach(v -> errors.add(new FieldError(row, v.getPropertyPath().toString(), v.getMessage())));
  }

  private static void checkBatchSize(List<?> rows) {
    if (rows == null || rows.isEmpty()) {
      throw ValidationException.of("rows", "至少需要一条记录");
    }
    if (rows.size() > MAX_BATCH) {
      throw ValidationException.of("rows", "一次最多导入 " + MAX_BATCH + " 条");
    }
  }

  private static void requireMasterDataRights(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.MANAGEMENT, Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有管理方或服务方管理人员可以维护使用单位和业务系统");
    }
  }
}
