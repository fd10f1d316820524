package cn.gov.gz.govcloud.inspection;

import cn.gov.gz.govcloud.inspection.ChecklistTemplates.MachineRoom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo mode: two machine rooms to inspect. Production rooms are entered by ops managers over REST. */
@Component
@ConditionalOnProperty(name = "govcloud.demo.enabled", havingValue = "true")
class DemoRooms {

  private final ChecklistTemplates service;

  DemoRooms(ChecklistTemplates service) {
    this.service = service;
  }

  @EventListener(ApplicationStartedEvent.class)
  void seed() {
    if (service.rooms().isEmpty()) {
      service.saveRoom("GZ-DC1", new MachineRoom(null, "政务云主机房", "广州市天河区（演示）", true), "system");
      service.saveRoom("GZ-DC2", new MachineRoom(null, "政务云灾备机房", "广州市南沙区（演示）", true), "system");
    }
  }
}
