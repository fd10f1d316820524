package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.optimization.PriceList.Per;
import cn.gov.gz.govcloud.optimization.PriceList.Price;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.Spreadsheet;
import cn.gov.gz.govcloud.report.Spreadsheet.Column;
import cn.gov.gz.govcloud.report.TemplateReport;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The settlement bill of a period (P6 5.1.2 b, by time and by service; a deliverable of P3 Appendix D): every ledger
 * resource that existed in the period, for the days it existed (entered in the ledger on its creation day, until the
 * day it was released), priced by the price list valid on each day, summed per unit and business system.
 * The spec billed is the ledger's current spec.
 */
@Implements(value = "P6 5.1.2 b", what = "结算管理：按时间计量、按有效期内的价目计费")
@Implements(value = "P3 5.4.3.1", what = "依据计费规则按单位和业务系统统计费用")
@Implements(value = "P3 附录 D.1 第 17 项", what = "云资源结算账单（可导出为表格）")
@Service
class Settlement {

  static final int MAX_DAYS = 366;

  /** One resource's share of the bill. */
  public record Line(String resourceId, String unitCode, String businessSystemCode, ResourceType type, Integer vcpu,
      Integer memoryGb, BigDecimal diskTb, LocalDate from, LocalDate to, int days, BigDecimal cost) {}

  /** Per unit and business system. */
  public record Group(String unitCode, String businessSystemCode, int resources, long resourceDays, long vcpu,
      long memoryGb, BigDecimal diskTb, BigDecimal cost) {}

  public record Bill(LocalDate from, LocalDate to, BigDecimal total, List<Group> groups, List<Line> lines) {}

  /** A ledger resource as far as billing and statistics need it. */
  record Resource(String resourceId, String unitCode, String businessSystemCode, ResourceType type, Integer vcpu,
      Integer memoryGb, BigDecimal diskTb, LocalDate firstDay, LocalDate lastDay) {}

  private final JdbcClient jdbc;
  private final PriceList prices;
  private final OrganizationService organization;
  private final TemplateReport templates;

  Settlement(JdbcClient jdbc, PriceList prices, OrganizationService organization, TemplateReport templates) {
    this.jdbc = jdbc;
    this.prices = prices;
    this.organization = organization;
    this.templates = templates;
  }

  static void checkPeriod(LocalDate from, LocalDate to) {
    if (from == null) {
      throw ValidationException.of("from", "请给出结算起始日期（如 2026-11-01）");
    }
    if (to == null) {
      throw ValidationException.of("to", "请给出结算截止日期（如 2026-11-30）");
    }
    if (to.isBefore(from)) {
      throw ValidationException.of("to", "截止日期不能早于起始日期");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw ValidationException.of("to", "一次最多结算 " + MAX_DAYS + " 天");
    }
  }

  /** The bill the caller may see (unit users: their unit's). */
  public Bill bill(LocalDate from, LocalDate to, String unitCode, Caller caller) {
    checkPeriod(from, to);
    if (unitCode != null && !caller.mayAccessUnit(unitCode)) {
      throw new AccessDeniedException("只能查看本单位的结算");
    }
    List<String> units = unitCode != null ? List.of(unitCode) : caller.seesAllUnits() ? null : caller.unitCodes();
    return bill(from, to, units);
  }

  Bill bill(LocalDate from, LocalDate to, List<String> units) {
    List<Line> lines = new ArrayList<>();
    Pricing pricing = pricing();
    for (Resource r : resources(from, to, units)) {
      lines.add(new Line(r.resourceId(), r.unitCode(), r.businessSystemCode(), r.type(), r.vcpu(), r.memoryGb(),
          r.diskTb(), r.firstDay(), r.lastDay(), (int) ChronoUnit.DAYS.between(r.firstDay(), r.lastDay()) + 1,
          pricing.cost(r)));
    }
    Map<String, Object[]> acc = new TreeMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Line l : lines) {
      Object[] a = acc.computeIfAbsent(l.unitCode() + "\u0000" + (l.businessSystemCode() == null ? ""
          : l.businessSystemCode()), k -> new Object[] {l.unitCode(), l.businessSystemCode(), 0, 0L, 0L, 0L,
              BigDecimal.ZERO, BigDecimal.ZERO});
      a[2] = (int) a[2] + 1;
      a[3] = (long) a[3] + l.days();
      a[4] = (long) a[4] + (l.vcpu() == null ? 0 : l.vcpu());
      a[5] = (long) a[5] + (l.memoryGb() == null ? 0 : l.memoryGb());
      a[6] = ((BigDecimal) a[6]).add(l.diskTb() == null ? BigDecimal.ZERO : l.diskTb());
      a[7] = ((BigDecimal) a[7]).add(l.cost());
      total = total.add(l.cost());
    }
    List<Group> groups = acc.values().stream().map(a -> new Group((String) a[0], (String) a[1], (int) a[2],
        (long) a[3], (long) a[4], (long) a[5], ((BigDecimal) a[6]).stripTrailingZeros(), (BigDecimal) a[7])).toList();
    return new Bill(from, to, total, groups, lines);
  }

  /** Ledger resources that existed on at least one day of [from, to] (China days), with their first and last day. */
  List<Resource> resources(LocalDate from, LocalDate to, List<String> units) {
    Instant start = from.atStartOfDay(WorkingCalendar.CHINA).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    StringBuilder sql = new StringBuilder("SELECT resource_id, unit_code, business_system_code, type, vcpu, memory_gb, "
        + "disk_tb, state, created_at, updated_at FROM rv_ledger_resource WHERE created_at < ? "
        + "AND (state <> 'RELEASED' OR updated_at >= ?)");
    List<Object> params = new ArrayList<>(List.of(Timestamp.from(end), Timestamp.from(start)));
    if (!UnitScope.restrict(units, "unit_code", sql, params)) {
      return List.of();
    }
    sql.append(" ORDER BY unit_code, business_system_code, resource_id");
    return jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
      LocalDate created = LocalDate.ofInstant(rs.getTimestamp("created_at").toInstant(), WorkingCalendar.CHINA);
      LocalDate last = to;
      if ("RELEASED".equals(rs.getString("state"))) {
        LocalDate released = LocalDate.ofInstant(rs.getTimestamp("updated_at").toInstant(), WorkingCalendar.CHINA);
        last = released.isBefore(to) ? released : to;
      }
      LocalDate first = created.isAfter(from) ? created : from;
      return new Resource(rs.getString("resource_id"), rs.getString("unit_code"),
          rs.getString("business_system_code"), ResourceType.valueOf(rs.getString("type")),
          (Integer) rs.getObject("vcpu", Integer.class), (Integer) rs.getObject("memory_gb", Integer.class),
          rs.getBigDecimal("disk_tb"), first, last);
    }).list().stream().filter(r -> !r.lastDay().isBefore(r.firstDay())).toList();
  }

  Pricing pricing() {
    return new Pricing(prices.byType());
  }

  /** The price list loaded once, for many resources. */
  static final class Pricing {
    private final Map<ResourceType, List<Price>> byType;

    Pricing(Map<ResourceType, List<Price>> byType) {
      this.byType = byType;
    }

    /** The cost of a resource over its days in the period, by the prices valid on each day. */
    BigDecimal cost(Resource r) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Price p : byType.getOrDefault(r.type(), List.of())) {
        LocalDate a = r.firstDay().isAfter(p.validFrom()) ? r.firstDay() : p.validFrom();
        LocalDate b = p.validTo() == null || r.lastDay().isBefore(p.validTo()) ? r.lastDay() : p.validTo();
        if (b.isBefore(a)) {
          continue;
        }
        BigDecimal qty = p.specUnit().quantity(r.vcpu(), r.memoryGb(), r.diskTb());
        if (qty.signum() == 0) {
          continue;
        }
        if (p.per() == Per.DAY) {
          sum = sum.add(p.price().multiply(qty).multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(a, b) + 1)));
          continue;
        }
        for (YearMonth m = YearMonth.from(a); !m.isAfter(YearMonth.from(b)); m = m.plusMonths(1)) {
          LocalDate ma = m.atDay(1).isAfter(a) ? m.atDay(1) : a;
          LocalDate mb = m.atEndOfMonth().isBefore(b) ? m.atEndOfMonth() : b;
          long days = ChronoUnit.DAYS.between(ma, mb) + 1;
          sum = sum.add(p.price().multiply(qty).multiply(BigDecimal.valueOf(days))
              .divide(BigDecimal.valueOf(m.lengthOfMonth()), 6, RoundingMode.HALF_UP));
        }
      }
      return sum.setScale(2, RoundingMode.HALF_UP);
    }

    /** What a resource of this spec costs per month at the prices valid on the given day (a day price × 30). */
    BigDecimal monthly(ResourceType type, Integer vcpu, Integer memoryGb, BigDecimal diskTb, LocalDate day) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Price p : byType.getOrDefault(type, List.of())) {
        if (p.validOn(day)) {
          BigDecimal v = p.price().multiply(p.specUnit().quantity(vcpu, memoryGb, diskTb));
          sum = sum.add(p.per() == Per.DAY ? v.multiply(BigDecimal.valueOf(30)) : v);
        }
      }
      return sum.setScale(2, RoundingMode.HALF_UP);
    }
  }

  static final List<Column> GROUP_COLUMNS = List.of(Column.text("使用单位"), Column.text("业务系统"),
      Column.count("资源数（项）", true), Column.count("计费资源·天", true), Column.count("vCPU（核）", true),
      Column.count("内存（GB）", true), Column.decimal("存储（TB）", true), Column.money("费用（元）"));
  static final List<Column> LINE_COLUMNS = List.of(Column.text("资源编号"), Column.text("使用单位"), Column.text("业务系统"),
      Column.text("资源类型"), Column.count("vCPU（核）", true), Column.count("内存（GB）", true),
      Column.decimal("存储（TB）", true), Column.date("计费起始日"), Column.date("计费截止日"), Column.count("计费天数", true),
      Column.money("费用（元）"));

  /**
   * The bill as an Excel workbook laid out for the units' clerks: a summary sheet per unit and business system and a
   * sheet with one row per resource, each with its title, the period and issuer, names, formats and totals.
   */
  void writeXlsx(Bill bill, String unitCode, OutputStream out) throws IOException {
    Map<String, String> units = organization.unitNames();
    Map<String, String> systems = organization.systemNames();
    String scope = "结算周期：" + bill.from() + " 至 " + bill.to()
        + (unitCode == null ? "" : "　　使用单位：" + units.getOrDefault(unitCode, unitCode))
        + "　　计费规则：按现行价目表，按月计价的按当月天数折算";
    try (Spreadsheet book = new Spreadsheet(templates.sheetLine(scope))) {
      Spreadsheet.Table sum = book.sheet("结算汇总", "政务云资源结算单（汇总）", GROUP_COLUMNS);
      for (Group g : bill.groups()) {
        sum.row(units.getOrDefault(g.unitCode(), g.unitCode()), g.businessSystemCode() == null ? "（未登记业务系统）"
            : systems.getOrDefault(g.businessSystemCode(), g.businessSystemCode()), g.resources(), g.resourceDays(),
            g.vcpu(), g.memoryGb(), g.diskTb(), g.cost());
      }
      sum.totals("合计");
      Spreadsheet.Table detail = book.sheet("资源明细", "政务云资源结算单（资源明细）", LINE_COLUMNS);
      for (Line l : bill.lines()) {
        detail.row(l.resourceId(), units.getOrDefault(l.unitCode(), l.unitCode()), l.businessSystemCode() == null ? "—"
            : systems.getOrDefault(l.businessSystemCode(), l.businessSystemCode()), l.type().label(), l.vcpu(),
            l.memoryGb(), l.diskTb(), l.from(), l.to(), l.days(), l.cost());
      }
      detail.totals("合计（" + bill.lines().size() + " 项）");
      book.write(out);
    }
  }
}
