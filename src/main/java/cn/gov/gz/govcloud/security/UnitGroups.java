package cn.gov.gz.govcloud.security;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.organization.UnitRegistered;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Gives every registered using unit its Camunda group {@code unit-<code>}, in the transaction that registers it. */
@Component
class UnitGroups {

  private final IdentityService identityService;
  private final Privileged privileged;

  UnitGroups(IdentityService identityService, Privileged privileged) {
    this.identityService = identityService;
    this.privileged = privileged;
  }

  @EventListener
  void onUnitRegistered(UnitRegistered event) {
    privileged.run(() -> {
      AccessSeeder.ensureGroup(identityService, Groups.unitGroup(event.code()), event.name(), AccessSeeder.UNIT_TYPE);
      return null;
    });
  }
}
