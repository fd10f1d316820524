package cn.gov.gz.govcloud.inspection;

import org.springframework.stereotype.Component;

/** What the inspection model reads from configuration: {@code ${inspectionSettings.schedule}} on its timer start. */
@Component("inspectionSettings")
public class InspectionSettings {

  private final InspectionProperties properties;

  InspectionSettings(InspectionProperties properties) {
    this.properties = properties;
  }

  public String getSchedule() {
    return properties.schedule();
  }
}
