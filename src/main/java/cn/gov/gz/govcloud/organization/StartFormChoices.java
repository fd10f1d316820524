package cn.gov.gz.govcloud.organization;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.FormOptions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a start form offers for the unit and the business system (issue 19): a unit user picks among the own unit's
 * systems by name and gets no unit field at all (the unit follows from the system); staff pick any system, or any unit
 * for work without a system.
 */
@Configuration
class StartFormChoices {

  private final OrganizationRepository repository;

  StartFormChoices(OrganizationRepository repository) {
    this.repository = repository;
  }

  static List<String> unitsOf(Authentication caller) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    boolean staff = groups.stream().anyMatch(g -> Groups.STAFF.contains(g) || Groups.ADMIN.equals(g));
    return staff ? null : groups.stream().filter(Groups::isUnitGroup).map(Groups::unitCodeOf).toList();
  }

  @Bean
  FormOptions businessSystemChoices() {
    return new FormOptions() {
      @Override
      public String field() {
        return "businessSystemCode";
      }

      @Override
      public List<Option> options(Authentication caller) {
        List<String> units = unitsOf(caller);
        Map<String, String> unitNames = repository.units(units).stream()
            .collect(Collectors.toMap(Unit::code, Unit::name, (a, b) -> a));
        return repository.systems(units).stream()
            .sorted(Comparator.comparing(BusinessSystem::unitCode).thenComparing(BusinessSystem::name))
            .map(s -> new Option(s.name() + "（" + unitNames.getOrDefault(s.unitCode(), s.unitCode()) + "，"
                + s.serviceLevel() + " 级服务）", s.code()))
            .toList();
      }
    };
  }

  @Bean
  FormOptions unitChoices() {
    return new FormOptions() {
      @Override
      public String field() {
        return "unitCode";
      }

      @Override
      public List<Option> options(Authentication caller) {
        if (unitsOf(caller) != null) {
          return List.of(); // a unit user acts for the own unit: no field
        }
        return repository.units(null).stream().sorted(Comparator.comparing(Unit::name))
            .map(u -> new Option(u.name(), u.code())).toList();
      }
    };
  }
}
