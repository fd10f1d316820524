package cn.gov.gz.govcloud.inspection;

import org.springframework.stereotype.Component;

/** What the inspection models read from configuration: the cron of their timer starts. */
@Component("inspectionSettings")
public class InspectionSettings {

  private final InspectionProperties properties;

  InspectionSettings(InspectionProperties properties) {
    this.properties = properties;
  }

  public String getSchedule() {
    return properties.schedule();
  }

  /** {@code ${inspectionSettings.levelSchedule}}: when the service levels' inspection cycles are checked. */
  public String getLevelSchedule() {
    return properties.levelSchedule();
  }
}
