package cn.gov.gz.govcloud.access;

import cn.gov.gz.govcloud.engine.Privileged;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People as documents and notices name them: the name held in Camunda identity (first and last name together, as
 * Admin shows them), never a login id when a name is known. Looked up on the system's behalf, so a document reads the
 * same whoever triggered it.
 */
@Component
public class People {

  /** How a step done by the engine itself (a timer, an integration) is named. */
  public static final String SYSTEM = "系统";

  private final IdentityService identity;
  private final Privileged privileged;

  People(IdentityService identity, Privileged privileged) {
    this.identity = identity;
    this.privileged = privileged;
  }

  /** The person's name, the id when the user has none or is unknown, "—" for none. */
  public String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return "—";
    }
    return names(List.of(userId)).get(userId);
  }

  /** Names of many people at once (id → name; every id given has an entry). */
  public Map<String, String> names(Collection<String> userIds) {
    Map<String, String> out = new HashMap<>();
    List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
    if (ids.isEmpty()) {
      return out;
    }
    List<User> users = privileged.run(() -> identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list());
    for (User u : users) {
      String n = (u.getFirstName() == null ? "" : u.getFirstName().strip())
          + (u.getLastName() == null ? "" : u.getLastName().strip());
      out.put(u.getId(), n.isBlank() ? u.getId() : n);
    }
    for (String id : ids) {
      out.putIfAbsent(id, "system".equals(id) ? SYSTEM : id);
    }
    return out;
  }
}
