package cn.gov.gz.govcloud.security;

import cn.gov.gz.govcloud.access.Groups;
import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Whether the command the engine is about to run comes from a person or an integration through an API (engine REST,
 * the webapps, our REST controllers), as opposed to the process itself (a delegate, a listener, a timer) or the system
 * acting on its own behalf ({@code Privileged}, authorization switched off). The guards check only the former: the
 * process may write its own routing variables, a caller may not.
 */
final class ApiCall {

  private ApiCall() {}

  /** The authenticated caller of a command started from outside the process, or null. */
  static Authentication caller() {
    CommandContext ctx = Context.getCommandContext();
    if (ctx == null || Context.getCoreExecutionContext() != null || !ctx.isAuthorizationCheckEnabled()) {
      return null;
    }
    Authentication auth = ctx.getAuthentication();
    return auth == null || auth.getUserId() == null ? null : auth;
  }

  static List<String> groups(Authentication auth) {
    return auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
  }

  static boolean isAdmin(Authentication auth) {
    return groups(auth).contains(Groups.ADMIN);
  }

  /** Provider and bureau staff, the supervisor and the administrator: those who see every unit's work. */
  static boolean seesAllUnits(Authentication auth) {
    return groups(auth).stream().anyMatch(g -> Groups.ADMIN.equals(g) || Groups.STAFF.contains(g));
  }
}
