package cn.gov.gz.govcloud.emergency;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** What the delegates of {@code emergency-response} share. */
final class EmergencyStepSupport {

  /** The classification decision's result, as a variable. */
  static final TypeReference<Map<String, Object>> CLASSIFICATION_TYPE = new TypeReference<>() {};

  private EmergencyStepSupport() {}

  static Date date(Instant i) {
    return i == null ? null : Date.from(i);
  }
}
