package cn.gov.gz.govcloud.assurance;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The watch rota as the model reads it: the multi-instance watch iterates over
 * {@code assuranceShifts.ids(assuranceId)}, one instance per shift (P6 7.3.3.3 a).
 */
@Component("assuranceShifts")
public class AssuranceShifts {

  private final AssuranceService assurances;

  AssuranceShifts(AssuranceService assurances) {
    this.assurances = assurances;
  }

  public List<Long> ids(Number assuranceId) {
    return assurances.shifts(assuranceId.longValue()).stream().map(Assurance.Shift::id).toList();
  }
}
