package cn.gov.gz.govcloud.dashboard;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.dashboard.ListPage.Column;
import cn.gov.gz.govcloud.dashboard.ListPage.Link;
import cn.gov.gz.govcloud.dashboard.ListPage.Row;
import cn.gov.gz.govcloud.dashboard.LiveFigures.Where;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every list shares: the request and its validation, the paged query with the case links of each row, and the
 * formatting of cells (Beijing time, "—" for nothing).
 */
@Component
class ListQuery {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 200;
  static final Set<String> STAFF_ONLY = Set.of("findings", "inspections");
  static final Pattern CASE_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  static final Pattern PROBLEM = Pattern.compile("(CPU|MEMORY|STORAGE|SYNC)_(HIGH|LOW)");
  static final Pattern QUARTER = Pattern.compile("\\d{4}Q[1-4]");

  private final JdbcClient jdbc;
  private final CaseLinks caseLinks;

  ListQuery(JdbcClient jdbc, CaseLinks caseLinks) {
    this.jdbc = jdbc;
    this.caseLinks = caseLinks;
  }

  /** What one request asks: the filter, the page, who asks and under which context path. */
  record Request(Map<String, String> filter, int page, int size, Caller caller, Scope scope, String contextPath,
      Instant now) {

    String get(String key) {
      String v = filter.get(key);
      return v == null || v.isBlank() ? null : v.strip();
    }
  }

  /** Maps one result row into the cells, may add links, and returns the row's process instance (or null). */
  @FunctionalInterface
  interface RowMapper {
    String map(ResultSet rs, Map<String, String> cells, List<Link> links) throws SQLException;
  }

  ListPage query(Request r, String title, String definition, String from, Where w, String order,
      List<Column> columns, String select, RowMapper mapper, java.util.function.Consumer<List<Row>> after) {
    if (!w.any) {
      return new ListPage(title, definition, Format.second(r.now()), 0, r.page(), r.size(), columns, List.of());
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM " + from + " WHERE " + w.sql).params(w.params).query(Long.class)
        .single();
    List<String> instances = new ArrayList<>();
    List<Row> rows = jdbc.sql("SELECT " + select + " FROM " + from + " WHERE " + w.sql + " ORDER BY " + order
            + " OFFSET " + ((long) r.page() * r.size()) + " ROWS FETCH NEXT " + r.size() + " ROWS ONLY")
        .params(w.params).query((rs, i) -> {
          Map<String, String> cells = new LinkedHashMap<>();
          List<Link> links = new ArrayList<>();
          instances.add(mapper.map(rs, cells, links));
          return new Row(cells, links);
        }).list();
    if (after != null) {
      after.accept(rows);
    }
    Map<String, List<Link>> caseLinksById = caseLinks.of(instances, caseLinks.cockpit(r.caller()), r.contextPath());
    for (int i = 0; i < rows.size(); i++) {
      String instance = instances.get(i);
      if (instance != null && caseLinksById.containsKey(instance)) {
        rows.get(i).links().addAll(0, caseLinksById.get(instance));
      }
    }
    return new ListPage(title, definition, Format.second(r.now()), total, r.page(), r.size(), columns, rows);
  }

  static ListPage empty(Request r, String title, String definition, List<Column> columns) {
    return new ListPage(title, definition, Format.second(r.now()), 0, r.page(), r.size(), columns, List.of());
  }

  static String unit(Request r, StringBuilder cond, List<Object> params) {
    String unit = r.get("unit");
    if (unit != null) {
      if (!CODE.matcher(unit).matches()) {
        throw ValidationException.of("unit", "单位编码格式不对");
      }
      cond.append(" AND unit_code = ?");
      params.add(unit);
    }
    return unit;
  }

  static void allowed(Request r, String... keys) {
    Set<String> known = Set.of(keys);
    for (String k : r.filter().keySet()) {
      if (!known.contains(k)) {
        throw ValidationException.of(k, "此清单不支持这个条件");
      }
    }
  }

  static YearMonth month(Request r, String key) {
    String v = r.get(key);
    if (v == null) {
      return null;
    }
    try {
      return YearMonth.parse(v);
    } catch (DateTimeParseException e) {
      throw ValidationException.of(key, "月份格式如 2026-11");
    }
  }

  static int integer(String v, int fallback, String key) {
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(key, "应为整数");
    }
  }

  static LocalDate today(Request r) {
    return r.now().atZone(CityTime.ZONE).toLocalDate();
  }

  static Timestamp start(YearMonth m) {
    return Timestamp.from(m.atDay(1).atStartOfDay(WorkingCalendar.CHINA).toInstant());
  }

  static Timestamp end(YearMonth m) {
    return Timestamp.from(m.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.CHINA).toInstant());
  }

  static String label(YearMonth m) {
    return m.getYear() + " 年 " + m.getMonthValue() + " 月";
  }

  static String qualifier(List<String> parts) {
    return parts.isEmpty() ? "" : "（" + String.join("，", parts) + "）";
  }

  static List<Column> columns(String... kv) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.add(new Column(kv[i], kv[i + 1]));
    }
    return out;
  }

  static String dash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }

  static String plain(BigDecimal v) {
    return v == null ? "—" : v.stripTrailingZeros().toPlainString();
  }
}
