package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;

import cn.gov.gz.govcloud.assurance.Assurance.Scope;
import cn.gov.gz.govcloud.assurance.AssuranceService.Request;
import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks an assurance request (P3 5.2.3: a major event, an important holiday, a public emergency or a natural
 * disaster) from the start form or {@code POST /api/assurances}: every problem named by its field, in Chinese.
 */
@Component
class AssuranceRequests {

  /** The longest period one assurance may cover; a longer duty is several assurances. */
  static final Duration LONGEST = Duration.ofDays(92);

  private final OrganizationService organization;
  private final Clock clock;

  AssuranceRequests(OrganizationService organization, Clock clock) {
    this.organization = organization;
    this.clock = clock;
  }

  Request check(String eventName, String kind, Object from, Object to, String systemCodes, String unitCodes,
      String targets) {
    List<FieldError> errors = new ArrayList<>();
    if (blank(eventName)) {
      errors.add(new FieldError(null, EVENT_NAME, "请填写保障事项名称"));
    } else if (eventName.strip().length() > 200) {
      errors.add(new FieldError(null, EVENT_NAME, "最长 200 字"));
    }
    String k = blank(kind) ? null : kind.strip().toUpperCase(Locale.ROOT);
    if (k == null || !Assurance.KINDS.containsKey(k)) {
      errors.add(new FieldError(null, KIND, "取值 MAJOR_EVENT（重大活动）、HOLIDAY（重要节假日）、PUBLIC_EMERGENCY（突发性公共事件）、"
          + "DISASTER（自然灾害）"));
    }
    Instant[] period = period(from, to, errors);
    List<Scope> scope = scope(systemCodes, unitCodes, errors);
    if (blank(targets)) {
      errors.add(new FieldError(null, TARGETS, "请填写保障目标"));
    } else if (targets.strip().length() > 2000) {
      errors.add(new FieldError(null, TARGETS, "最长 2000 字"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new Request(eventName.strip(), k, period[0], period[1], scope, targets.strip());
  }

  /** The period from–to: both set, the end after the start and still ahead, at most {@link #LONGEST}. */
  Instant[] period(Object from, Object to, List<FieldError> errors) {
    Instant f = null;
    Instant t = null;
    try {
      f = time(from, PERIOD_FROM);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    try {
      t = time(to, PERIOD_TO);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    if (f == null && errors.stream().noneMatch(e -> e.field().equals(PERIOD_FROM))) {
      errors.add(new FieldError(null, PERIOD_FROM, "请填写保障开始时间"));
    }
    if (t == null && errors.stream().noneMatch(e -> e.field().equals(PERIOD_TO))) {
      errors.add(new FieldError(null, PERIOD_TO, "请填写保障结束时间"));
    }
    if (f != null && t != null) {
      if (!t.isAfter(f)) {
        errors.add(new FieldError(null, PERIOD_TO, "保障结束时间须晚于开始时间"));
      } else if (Duration.between(f, t).compareTo(LONGEST) > 0) {
        errors.add(new FieldError(null, PERIOD_TO, "一次保障最长 92 天，更长的保障请分期发起"));
      } else if (!t.isAfter(clock.instant())) {
        errors.add(new FieldError(null, PERIOD_TO, "保障结束时间已过"));
      }
    }
    return new Instant[] {f, t};
  }

  /** The covered systems: those named, and every system of the units named; at least one, all registered. */
  private List<Scope> scope(String systemCodes, String unitCodes, List<FieldError> errors) {
    Map<String, Scope> scope = new LinkedHashMap<>();
    for (String code : codes(systemCodes)) {
      var system = organization.findSystem(code);
      if (system.isEmpty()) {
        errors.add(new FieldError(null, SYSTEM_CODES, "业务系统不存在: " + code));
      } else {
        scope.put(code, new Scope(code, system.get().unitCode()));
      }
    }
    for (String unit : codes(unitCodes)) {
      if (!organization.unitExists(unit)) {
        errors.add(new FieldError(null, UNIT_CODES, "使用单位不存在: " + unit));
        continue;
      }
      List<BusinessSystem> systems = organization.systemsOf(unit);
      if (systems.isEmpty()) {
        errors.add(new FieldError(null, UNIT_CODES, "该单位没有登记业务系统: " + unit));
      }
      systems.forEach(s -> scope.putIfAbsent(s.code(), new Scope(s.code(), s.unitCode())));
    }
    if (scope.isEmpty() && errors.stream().noneMatch(e -> e.field().equals(SYSTEM_CODES)
        || e.field().equals(UNIT_CODES))) {
      errors.add(new FieldError(null, SYSTEM_CODES, "请至少指定一个保障的业务系统或使用单位"));
    }
    return List.copyOf(scope.values());
  }

  static List<String> codes(String commaSeparated) {
    if (blank(commaSeparated)) {
      return List.of();
    }
    return java.util.Arrays.stream(commaSeparated.split("[,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
        .distinct().toList();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
