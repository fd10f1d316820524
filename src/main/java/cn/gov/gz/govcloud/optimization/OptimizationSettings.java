package cn.gov.gz.govcloud.optimization;

import org.springframework.stereotype.Component;

/**
 * What the optimisation models read: {@code ${optimizationSettings.schedule}} on the timer start,
 * {@code ${optimizationSettings.reminderCycle}} on the unit reminder. It depends on configuration only: the engine
 * reads the schedule while it deploys, before the other beans exist.
 */
@Component("optimizationSettings")
public class OptimizationSettings {

  private final OptimizationProperties properties;

  OptimizationSettings(OptimizationProperties properties) {
    this.properties = properties;
  }

  public String getSchedule() {
    return properties.schedule();
  }

  public String getReminderCycle() {
    return properties.reminderCycle();
  }
}
