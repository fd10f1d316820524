package cn.gov.gz.govcloud.access;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who calls: the user that Camunda's authentication filter (REST) or the webapp session authenticated.
 * Our REST endpoints ask this instead of reading headers themselves.
 */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<Caller> get() {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return Optional.empty();
    }
    List<String> groups = auth.getGroupIds() == null ? List.of() : List.copyOf(auth.getGroupIds());
    return Optional.of(new Caller(auth.getUserId(), groups));
  }

  public Caller require() {
    return get().orElseThrow(() -> new AccessDeniedException("未登录"));
  }

  /** An authenticated caller and its groups. */
  public record Caller(String userId, List<String> groups) {

    public boolean inAny(String... groupIds) {
      for (String g : groupIds) {
        if (groups.contains(g)) {
          return true;
        }
      }
      return false;
    }

    public boolean isAdmin() {
      return groups.contains(Groups.ADMIN);
    }

    /** A staff member (provider, bureau, supervisor) or the admin: sees every unit. */
    public boolean seesAllUnits() {
      return isAdmin() || groups.stream().anyMatch(Groups.STAFF::contains);
    }

    /** Codes of the using units this caller belongs to. */
    public List<String> unitCodes() {
      return groups.stream().filter(Groups::isUnitGroup).map(Groups::unitCodeOf).toList();
    }

    public boolean mayAccessUnit(String unitCode) {
      return seesAllUnits() || unitCodes().contains(unitCode);
    }
  }
}
