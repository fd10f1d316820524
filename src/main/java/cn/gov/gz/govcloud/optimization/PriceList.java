package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing rules (P6 5.1.2 b): a price per resource type and spec unit, per month or per day, valid from a day to a
 * day. A new price for a type and unit closes the validity of the open one the day before it starts.
 */
@Service
class PriceList {

  /** What a price counts: vCPUs, GB of memory, TB of storage, servers, or instances. */
  public enum SpecUnit {
    VCPU("每 vCPU"), MEMORY_GB("每 GB 内存"), STORAGE_TB("每 TB 存储"), SERVER("每台服务器"), INSTANCE("每实例");

    private final String label;

    SpecUnit(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** How many of this unit a resource of the given spec holds. */
    BigDecimal quantity(Integer vcpu, Integer memoryGb, BigDecimal diskTb) {
      return switch (this) {
        case VCPU -> vcpu == null ? BigDecimal.ZERO : BigDecimal.valueOf(vcpu);
        case MEMORY_GB -> memoryGb == null ? BigDecimal.ZERO : BigDecimal.valueOf(memoryGb);
        case STORAGE_TB -> diskTb == null ? BigDecimal.ZERO : diskTb;
        case SERVER, INSTANCE -> BigDecimal.ONE;
      };
    }
  }

  /** Per month (pro rata by the days of the calendar month) or per day. */
  public enum Per {
    MONTH, DAY
  }

  public record Price(long id, ResourceType resourceType, SpecUnit specUnit, BigDecimal price, Per per,
      LocalDate validFrom, LocalDate validTo, String note, String createdBy, Instant createdAt) {

    boolean validOn(LocalDate day) {
      return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
  }

  public record PriceInput(String resourceType, String specUnit, BigDecimal price, String per, LocalDate validFrom,
      LocalDate validTo, String note) {}

  private static final String COLUMNS = "id, resource_type, spec_unit, price, per_period, valid_from, valid_to, note, "
      + "created_by, created_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  PriceList(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Price> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM optimization_price ORDER BY resource_type, spec_unit, valid_from")
        .query(PriceList::map).list();
  }

  /** Prices by resource type, all validity periods. */
  Map<ResourceType, List<Price>> byType() {
    Map<ResourceType, List<Price>> m = new EnumMap<>(ResourceType.class);
    for (Price p : all()) {
      m.computeIfAbsent(p.resourceType(), k -> new ArrayList<>()).add(p);
    }
    return m;
  }

  static void requireManager(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.MANAGEMENT, Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有管理方或运维经理可以维护计费价目");
    }
  }

  @Transactional
  public Price add(PriceInput in, Caller caller) {
    requireManager(caller);
    List<FieldError> errors = new ArrayList<>();
    ResourceType type = parse(ResourceType.class, in == null ? null : in.resourceType(), "resourceType",
        "资源类型应为 VM、PHYSICAL、STORAGE、DATABASE、OTHER", errors);
    SpecUnit unit = parse(SpecUnit.class, in == null ? null : in.specUnit(), "specUnit",
        "计费单位应为 VCPU、MEMORY_GB、STORAGE_TB、SERVER、INSTANCE", errors);
    Per per = parse(Per.class, in == null ? null : in.per(), "per", "计费周期应为 MONTH（月）或 DAY（日）", errors);
    if (in == null || in.price() == null || in.price().signum() < 0) {
      errors.add(new FieldError(null, "price", "单价不能为空或负数"));
    } else if (in.price().scale() > 4 || in.price().compareTo(new BigDecimal("99999999")) > 0) {
      errors.add(new FieldError(null, "price", "单价最多 4 位小数，且不超过 99999999"));
    }
    if (in == null || in.validFrom() == null) {
      errors.add(new FieldError(null, "validFrom", "生效日期不能为空"));
    } else if (in.validTo() != null && in.validTo().isBefore(in.validFrom())) {
      errors.add(new FieldError(null, "validTo", "失效日期不能早于生效日期"));
    }
    if (in != null && in.note() != null && in.note().length() > 500) {
      errors.add(new FieldError(null, "note", "最长 500 字"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    List<Price> same = all().stream().filter(p -> p.resourceType() == type && p.specUnit() == unit).toList();
    for (Price p : same) {
      boolean openBefore = p.validTo() == null && p.validFrom().isBefore(in.validFrom());
      if (openBefore) {
        continue; // closed below
      }
      LocalDate pEnd = p.validTo() == null ? LocalDate.MAX : p.validTo();
      LocalDate nEnd = in.validTo() == null ? LocalDate.MAX : in.validTo();
      if (!p.validFrom().isAfter(nEnd) && !in.validFrom().isAfter(pEnd)) {
        throw ValidationException.of("validFrom", "与已有价格（" + p.validFrom() + " 起）的有效期重叠");
      }
    }
    for (Price p : same) {
      if (p.validTo() == null && p.validFrom().isBefore(in.validFrom())) {
        jdbc.sql("UPDATE optimization_price SET valid_to = ? WHERE id = ?")
            .params(Date.valueOf(in.validFrom().minusDays(1)), p.id()).update();
      }
    }
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO optimization_price (resource_type, spec_unit, price, per_period, valid_from, valid_to, note, "
            + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(type.name(), unit.name(), in.price(), per.name(), Date.valueOf(in.validFrom()),
            in.validTo() == null ? null : Date.valueOf(in.validTo()), in.note(), caller.userId(),
            Timestamp.from(clock.instant()))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    return jdbc.sql("SELECT " + COLUMNS + " FROM optimization_price WHERE id = ?").param(id).query(PriceList::map)
        .single();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message,
      List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(null, field, message));
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(null, field, message));
      return null;
    }
  }

  static Price map(ResultSet rs, int row) throws SQLException {
    Date to = rs.getDate("valid_to");
    return new Price(rs.getLong("id"), ResourceType.valueOf(rs.getString("resource_type")),
        SpecUnit.valueOf(rs.getString("spec_unit")), rs.getBigDecimal("price"), Per.valueOf(rs.getString("per_period")),
        rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(), rs.getString("note"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }
}
