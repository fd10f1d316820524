package cn.gov.gz.govcloud.engine;

import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Timer cycles on the city's clock: Camunda reads a cron cycle ({@code 0 0 9 1 1,4,7,10 ?}) in the JVM's default zone,
 * so on a server set to UTC the quarterly inspection would be planned at 17:00 Beijing time. The engine's {@code cycle}
 * calendar is replaced by one that reads cron in {@link CityTime#ZONE}; ISO repeats ({@code R3/...}) are unchanged.
 */
@Component
class CityCalendars extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CityCycleCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }

  /** Cron in the city's zone (Spring's syntax, which Camunda 7.24 reads too); ISO repeats as Camunda does. */
  public static class CityCycleCalendar extends CycleBusinessCalendar {

    @Override
    public Date resolveDuedate(String description, Date startDate, long repeatOffset) {
      if (description.startsWith("R")) {
        return super.resolveDuedate(description, startDate, repeatOffset);
      }
      Date from = startDate == null ? ClockUtil.getCurrentTime() : startDate;
      try {
        ZonedDateTime next = CronExpression.parse(description)
            .next(ZonedDateTime.ofInstant(from.toInstant(), CityTime.ZONE));
        return next == null ? from : Date.from(next.toInstant());
      } catch (IllegalArgumentException e) {
        throw new ProcessEngineException("计时周期不是有效的 cron 表达式: " + description, e);
      }
    }
  }
}
