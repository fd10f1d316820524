package cn.gov.gz.govcloud.access;

import java.util.List;

/** Camunda group ids of the parties (DOMAIN.md §1). Integrations rely on these ids: never rename them. */
public final class Groups {

  public static final String ADMIN = "camunda-admin";
  public static final String MANAGEMENT = "management";
  public static final String UNIT_USER = "unit-user";
  public static final String SERVICE_DESK = "service-desk";
  public static final String OPS_MANAGER = "ops-manager";
  public static final String OPS_ENGINEER = "ops-engineer";
  public static final String OPS_OPERATOR = "ops-operator";
  public static final String SUPERVISOR = "supervisor";
  /**
   * Technical users of external systems (Alertmanager, Zabbix …) that report alerts with a token: they may start the
   * case processes and nothing else; they are not staff and see no unit's work.
   */
  public static final String INTEGRATION = "integration";

  /** Prefix of the group of one using unit: {@code unit-<code>}. */
  public static final String UNIT_PREFIX = "unit-";

  /** The provider's and the bureau's staff: they see all units' work. */
  public static final List<String> STAFF =
      List.of(MANAGEMENT, SERVICE_DESK, OPS_MANAGER, OPS_ENGINEER, OPS_OPERATOR, SUPERVISOR);

  private Groups() {}

  public static String unitGroup(String unitCode) {
    return UNIT_PREFIX + unitCode;
  }

  /** True for a group of one particular unit ({@code unit-A001}), false for {@code unit-user} itself. */
  public static boolean isUnitGroup(String groupId) {
    return groupId != null && groupId.startsWith(UNIT_PREFIX) && !UNIT_USER.equals(groupId);
  }

  public static String unitCodeOf(String unitGroupId) {
    return unitGroupId.substring(UNIT_PREFIX.length());
  }
}
