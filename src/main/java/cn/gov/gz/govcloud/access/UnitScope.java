package cn.gov.gz.govcloud.access;

import java.util.Collections;
import java.util.List;

/**
 * The one way our queries keep unit users to their own unit's rows: a condition on the row's unit column.
 */
public final class UnitScope {

  private UnitScope() {}

  /**
   * Appends {@code AND <column> IN (?, …)} with the caller's units when the caller does not see all units.
   *
   * @return false when the caller may see no row at all (a user of no unit), so the query need not run
   */
  public static boolean restrict(CurrentUser.Caller caller, String column, StringBuilder sql, List<Object> params) {
    return restrict(caller.seesAllUnits() ? null : caller.unitCodes(), column, sql, params);
  }

  /** The same for a list of unit codes; {@code null} means all units. */
  public static boolean restrict(List<String> units, String column, StringBuilder sql, List<Object> params) {
    if (units == null) {
      return true;
    }
    if (units.isEmpty()) {
      return false;
    }
    sql.append(" AND ").append(column).append(" IN (").append(String.join(", ", Collections.nCopies(units.size(), "?")))
        .append(')');
    params.addAll(units);
    return true;
  }
}
