package cn.gov.gz.govcloud.assurance;

import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The watch rota as the model reads it: the multi-instance watch iterates over
 * {@code assuranceShifts.ids(assuranceId)};
 * each shift's task opens at its start for its named watchers, is due at its end, and its watchers are reminded the
 * configured time after the end when the record is still missing (P6 7.3.3.3 a).
 */
@Component("assuranceShifts")
public class AssuranceShifts {

  private final AssuranceService assurances;
  private final AssuranceProperties properties;

  AssuranceShifts(AssuranceService assurances, AssuranceProperties properties) {
    this.assurances = assurances;
    this.properties = properties;
  }

  public List<Long> ids(Number assuranceId) {
    return assurances.shifts(assuranceId.longValue()).stream().map(Assurance.Shift::id).toList();
  }

  public Date startsAt(Number shiftId) {
    return Date.from(assurances.shift(shiftId.longValue()).startsAt());
  }

  public Date endsAt(Number shiftId) {
    return Date.from(assurances.shift(shiftId.longValue()).endsAt());
  }

  public Date remindAt(Number shiftId) {
    return Date.from(assurances.shift(shiftId.longValue()).endsAt().plus(properties.standbyReminderAfter()));
  }

  /** The shift's watchers, comma-separated: the task's candidate users. */
  public String watchers(Number shiftId) {
    return String.join(",", assurances.shift(shiftId.longValue()).watchers());
  }
}
