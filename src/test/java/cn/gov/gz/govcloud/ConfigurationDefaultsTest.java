package cn.gov.gz.govcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.env.MockEnvironment;

/**
 * Our settings have their defaults twice: in {@code application.yml}, where operators read them with the environment
 * variable that overrides each, and in the properties records, which guard against a variable set empty. This test
 * keeps the two copies equal: every {@code govcloud.*} properties class bound from the packaged file (variables
 * unset) equals the same class bound from nothing.
 */
@Tag("unit")
class ConfigurationDefaultsTest {

  @Test
  void theDefaultsInApplicationYmlAreTheDefaultsOfTheRecords() throws Exception {
    MockEnvironment packaged = new MockEnvironment(); // no system environment: the file's own defaults
    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
        .forEach(s -> packaged.getPropertySources().addLast(s));
    Binder fromFile = Binder.get(packaged);
    Binder fromNothing = Binder.get(new MockEnvironment());

    List<String> checked = new ArrayList<>();
    List<String> differ = new ArrayList<>();
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents("cn.gov.gz.govcloud")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      String prefix = type.getAnnotation(ConfigurationProperties.class).prefix();
      if (!type.isRecord() || !prefix.startsWith("govcloud.")) {
        continue;
      }
      Object packagedValue = fromFile.bindOrCreate(prefix, type);
      Object recordValue = fromNothing.bindOrCreate(prefix, type);
      if (!packagedValue.equals(recordValue)) {
        differ.add(prefix + "\n  application.yml: " + packagedValue + "\n  record:          " + recordValue);
      }
      checked.add(prefix);
    }
    assertThat(differ).as("settings whose defaults differ between application.yml and the record").isEmpty();
    assertThat(checked).as("the settings checked").hasSizeGreaterThan(10).contains("govcloud.emergency");
  }
}
