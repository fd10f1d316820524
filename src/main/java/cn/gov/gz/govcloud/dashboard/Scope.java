package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.UnitScope;
import java.util.List;

/**
 * Whose figures a person sees: every unit (the bureau, the provider, the supervisor, the administrator) or the units
 * the person belongs to, exactly as the REST API decides ({@link Caller#seesAllUnits()}, {@link UnitScope}).
 *
 * @param units the unit codes, or null for all units
 */
record Scope(List<String> units) {

  static Scope of(Caller caller) {
    return new Scope(caller.seesAllUnits() ? null : caller.unitCodes().stream().sorted().toList());
  }

  static Scope all() {
    return new Scope(null);
  }

  boolean allUnits() {
    return units == null;
  }

  /** Appends the unit condition on {@code column}; false when the scope holds no unit (nothing to read). */
  boolean restrict(String column, StringBuilder sql, List<Object> params) {
    return UnitScope.restrict(units, column, sql, params);
  }

  /** The cache key of this scope's figures. */
  String key() {
    return units == null ? "*" : String.join(",", units);
  }
}
