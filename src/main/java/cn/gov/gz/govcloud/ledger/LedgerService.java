package cn.gov.gz.govcloud.ledger;

import static cn.gov.gz.govcloud.engine.Sql.instant;
import static cn.gov.gz.govcloud.web.Text.blank;

import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.ledger.LedgerResource.State;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resource ledger (台账): resources enter it from delivered orders (P6 7.2.2.4); the platform's inventory is
 * imported through the data connection (P6 7.2.1) and reconciled against it by {@link Reconciliation}.
 */
@Implements(value = "P3 5.1.2.3", what = "资源台账：品牌、型号、数量、规格、位置、IP、归属单位和业务系统")
@Implements(value = "P3 附录 D.1 第 16 项", what = "云资源台账，可导出为表格")
@Implements(value = "GB 8.2.3 a 3", what = "主机资源（云主机、物理服务器）的配置项")
@Implements(value = "GB 8.2.3 a 4", what = "存储资源的配置项")
@Service
public class LedgerService {

  static final int MAX_IMPORT = 100_000;
  private static final Pattern IP = Pattern.compile(
      "^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)$|^[0-9a-fA-F:]{2,45}$");
  private static final String COLUMNS = "resource_id, unit_code, business_system_code, application_id, line_no, type, "
      + "vcpu, memory_gb, disk_tb, os, brand, model, location, ip, state, powered_off_since, created_at, updated_at";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final OrganizationService organization;
  private final Clock clock;

  LedgerService(JdbcClient jdbc, JdbcTemplate template, OrganizationService organization, Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.organization = organization;
    this.clock = clock;
  }

  /** Adds delivered resources to the ledger; a resource id already in the ledger is refused. */
  @Transactional
  public void add(List<LedgerEntry> entries, String by) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry e = entries.get(i);
      if (!seen.add(e.resourceId()) || exists(e.resourceId())) {
        errors.add(new FieldError(i, "resourceId", "资源编号已在台账中: " + e.resourceId()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Timestamp now = Timestamp.from(clock.instant());
    for (LedgerEntry e : entries) {
      jdbc.sql("INSERT INTO ledger_resource (resource_id, unit_code, business_system_code, application_id, line_no, "
              + "type, vcpu, memory_gb, disk_tb, os, brand, model, location, ip, state, created_at, updated_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)")
          .params(e.resourceId(), e.unitCode(), e.businessSystemCode(), e.applicationId(), e.lineNo(),
              e.type().name(), e.vcpu(), e.memoryGb(), e.diskTb(), e.os(), e.brand(), e.model(), e.location(), e.ip(),
              now, now)
          .update();
      history(e.resourceId(), e.applicationId() == null ? "登记入账"
          : "由订单交付入账（申请 " + e.applicationId() + " 第 " + e.lineNo() + " 行）", by, now);
    }
  }

  /**
   * Changes the spec of a resource in the ledger (an executed scale-down or scale-up, P3 5.4.4) and records the change,
   * old and new spec, in its history. A null value keeps the old one.
   */
  @Transactional
  public void resize(String resourceId, Integer vcpu, Integer memoryGb, BigDecimal diskTb, String reason, String by) {
    LedgerResource r = jdbc.sql("SELECT " + COLUMNS + " FROM ledger_resource WHERE resource_id = ?").param(resourceId)
        .query(LedgerService::map).optional()
        .orElseThrow(() -> ValidationException.of("resourceId", "台账中没有该资源: " + resourceId));
    if (r.state() == State.RELEASED) {
      throw ValidationException.of("resourceId", "资源已释放: " + resourceId);
    }
    Integer v = vcpu == null ? r.vcpu() : vcpu;
    Integer m = memoryGb == null ? r.memoryGb() : memoryGb;
    BigDecimal d = diskTb == null ? r.diskTb() : diskTb;
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("UPDATE ledger_resource SET vcpu = ?, memory_gb = ?, disk_tb = ?, updated_at = ? WHERE resource_id = ?")
        .params(v, m, d, now, resourceId).update();
    history(resourceId, "规格调整：vCPU " + r.vcpu() + "→" + v + "，内存 " + r.memoryGb() + "→" + m + " GB，存储 "
        + plain(r.diskTb()) + "→" + plain(d) + " TB（" + reason + "）", by, now);
  }

  /** Releases a resource (an executed revoke, P3 5.4.4): state RELEASED, kept for the record, with its history. */
  @Transactional
  public void release(String resourceId, String reason, String by) {
    Timestamp now = Timestamp.from(clock.instant());
    int n = jdbc.sql("UPDATE ledger_resource SET state = 'RELEASED', updated_at = ? WHERE resource_id = ? "
        + "AND state <> 'RELEASED'").params(now, resourceId).update();
    if (n == 0) {
      throw ValidationException.of("resourceId", "台账中没有该资源或已释放: " + resourceId);
    }
    history(resourceId, "撤销回收（" + reason + "）", by, now);
  }

  private static String plain(BigDecimal d) {
    return d == null ? "—" : d.stripTrailingZeros().toPlainString();
  }

  public boolean exists(String resourceId) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_resource WHERE resource_id = ?").param(resourceId)
        .query(Long.class).single() > 0;
  }

  void history(String resourceId, String change, String by, Timestamp at) {
    jdbc.sql("INSERT INTO ledger_history (resource_id, change, changed_by, changed_at) VALUES (?, ?, ?, ?)")
        .params(resourceId, change, by, at).update();
  }

  /** Ledger rows the caller may see (unit users: their unit's), filtered. */
  /** The application numbers (RA…) of the given application ids, for the export (the order a resource came from). */
  public java.util.Map<Long, String> applicationNumbers(java.util.Collection<Long> ids) {
    java.util.Map<Long, String> out = new java.util.HashMap<>();
    List<Long> list = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    for (int i = 0; i < list.size(); i += 500) {
      List<Long> part = list.subList(i, Math.min(list.size(), i + 500));
      jdbc.sql("SELECT id, application_no FROM rv_resource_application WHERE id IN ("
              + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")")
          .params(new ArrayList<Object>(part)).query(rs -> {
            out.put(rs.getLong(1), rs.getString(2));
          });
    }
    return out;
  }

  public List<LedgerResource> search(Caller caller, String unitCode, String businessSystemCode, ResourceType type,
      State state, Long applicationId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ledger_resource WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if ((unitCode != null && !caller.mayAccessUnit(unitCode)) || !UnitScope.restrict(caller, "unit_code", sql, params)) {
      return List.of();
    }
    if (unitCode != null) {
      sql.append(" AND unit_code = ?");
      params.add(unitCode);
    }
    if (businessSystemCode != null) {
      sql.append(" AND business_system_code = ?");
      params.add(businessSystemCode);
    }
    if (type != null) {
      sql.append(" AND type = ?");
      params.add(type.name());
    }
    if (state != null) {
      sql.append(" AND state = ?");
      params.add(state.name());
    }
    if (applicationId != null) {
      sql.append(" AND application_id = ?");
      params.add(applicationId);
    }
    sql.append(" ORDER BY unit_code, resource_id FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(LedgerService::map).list();
  }

  /**
   * Active VMs of a unit that the latest inventory shows idle: vCPU and memory utilisation below the given percents
   * (P3 Appendix C).
   */
  public int idleVms(String unitCode, BigDecimal cpuBelow, BigDecimal memoryBelow) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_resource l JOIN inventory_item i ON i.resource_id = l.resource_id "
            + "WHERE l.unit_code = ? AND l.type = 'VM' AND l.state = 'ACTIVE' "
            + "AND i.import_id = (SELECT MAX(id) FROM inventory_import) AND i.cpu_util < ? AND i.mem_util < ?")
        .params(unitCode, cpuBelow, memoryBelow).query(Long.class).single().intValue();
  }

  /** Validates a whole inventory snapshot; throws naming every bad row and field, and stores nothing then. */
  public void validate(List<InventoryRow> rows) {
    if (rows == null || rows.isEmpty()) {
      throw ValidationException.of("rows", "至少需要一条记录");
    }
    if (rows.size() > MAX_IMPORT) {
      throw ValidationException.of("rows", "一次最多导入 " + MAX_IMPORT + " 条");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> knownUnits = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      InventoryRow r = rows.get(i);
      if (r == null) {
        errors.add(new FieldError(i, "", "空行"));
        continue;
      }
      if (blank(r.resourceId())) {
        errors.add(new FieldError(i, "resourceId", "缺少资源编号"));
      } else if (r.resourceId().length() > 64) {
        errors.add(new FieldError(i, "resourceId", "资源编号最长 64 位"));
      } else if (!ids.add(r.resourceId())) {
        errors.add(new FieldError(i, "resourceId", "资源编号重复: " + r.resourceId()));
      }
      if (blank(r.type())) {
        errors.add(new FieldError(i, "type", "缺少资源类型"));
      } else if (!isEnum(ResourceType.class, r.type())) {
        errors.add(new FieldError(i, "type", "资源类型无效: " + r.type() + "（VM、PHYSICAL、STORAGE、DATABASE、OTHER）"));
      }
      if (blank(r.powerState()) || !Set.of("RUNNING", "STOPPED").contains(r.powerState().toUpperCase(Locale.ROOT))) {
        errors.add(new FieldError(i, "powerState", "电源状态应为 RUNNING 或 STOPPED"));
      }
      if (!blank(r.unitCode()) && !knownUnits.contains(r.unitCode())) {
        if (organization.unitExists(r.unitCode())) {
          knownUnits.add(r.unitCode());
        } else {
          errors.add(new FieldError(i, "unitCode", "使用单位不存在: " + r.unitCode()));
        }
      }
      if (r.vcpu() != null && r.vcpu() < 0) {
        errors.add(new FieldError(i, "vcpu", "不能为负数"));
      }
      if (r.memoryGb() != null && r.memoryGb() < 0) {
        errors.add(new FieldError(i, "memoryGb", "不能为负数"));
      }
      if (r.diskTb() != null && r.diskTb().signum() < 0) {
        errors.add(new FieldError(i, "diskTb", "不能为负数"));
      }
      percent(r.cpuUtil(), "cpuUtil", i, errors);
      percent(r.memUtil(), "memUtil", i, errors);
      if (!blank(r.ip()) && !IP.matcher(r.ip()).matches()) {
        errors.add(new FieldError(i, "ip", "IP 地址无效: " + r.ip()));
      }
      if (errors.size() > 1000) {
        break;
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** Stores a validated snapshot; returns its id. */
  @Transactional
  public long storeSnapshot(List<InventoryRow> rows, String source, String by) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO inventory_import (source, row_count, imported_by, imported_at) VALUES (?, ?, ?, ?)")
        .params(source, rows.size(), by, Timestamp.from(clock.instant())).update(keys, "id");
    long importId = keys.getKey().longValue();
    template.batchUpdate("INSERT INTO inventory_item (import_id, resource_id, unit_code, type, vcpu, memory_gb, "
            + "disk_tb, brand, model, location, ip, power_state, cpu_util, mem_util) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 1000,
        (ps, r) -> {
          ps.setLong(1, importId);
          ps.setString(2, r.resourceId());
          ps.setString(3, blank(r.unitCode()) ? null : r.unitCode());
          ps.setString(4, r.type().toUpperCase(Locale.ROOT));
          ps.setObject(5, r.vcpu());
          ps.setObject(6, r.memoryGb());
          ps.setBigDecimal(7, r.diskTb());
          ps.setString(8, r.brand());
          ps.setString(9, r.model());
          ps.setString(10, r.location());
          ps.setString(11, r.ip());
          ps.setString(12, r.powerState().toUpperCase(Locale.ROOT));
          ps.setBigDecimal(13, r.cpuUtil());
          ps.setBigDecimal(14, r.memUtil());
        });
    return importId;
  }

  static void requireStaff(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER, Groups.OPS_ENGINEER, Groups.OPS_OPERATOR,
        Groups.MANAGEMENT)) {
      throw new AccessDeniedException("只有服务方或管理方人员可以导入资源清单和核对台账");
    }
  }

  private static void percent(BigDecimal value, String field, int row, List<FieldError> errors) {
    if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
      errors.add(new FieldError(row, field, "利用率应在 0–100 之间"));
    }
  }

  private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
    try {
      Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static LedgerResource map(ResultSet rs, int row) throws SQLException {
    return new LedgerResource(rs.getString("resource_id"), rs.getString("unit_code"),
        rs.getString("business_system_code"), (Long) rs.getObject("application_id", Long.class),
        (Integer) rs.getObject("line_no", Integer.class), ResourceType.valueOf(rs.getString("type")),
        (Integer) rs.getObject("vcpu", Integer.class), (Integer) rs.getObject("memory_gb", Integer.class),
        rs.getBigDecimal("disk_tb"), rs.getString("os"), rs.getString("brand"), rs.getString("model"),
        rs.getString("location"), rs.getString("ip"), State.valueOf(rs.getString("state")),
        instant(rs.getTimestamp("powered_off_since")), instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")));
  }
}
