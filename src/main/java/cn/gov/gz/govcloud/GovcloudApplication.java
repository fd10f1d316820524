package cn.gov.gz.govcloud;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * govcloud-ops: the government cloud's operation processes on an embedded Camunda 7 engine.
 * Models are deployed from {@code processes/} and {@code forms/} by {@link cn.gov.gz.govcloud.engine.ModelDeployer}.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class GovcloudApplication {

  /** The clock all our services read: the engine's, so tests can move both with ClockUtil. */
  @Bean
  Clock clock() {
    return new cn.gov.gz.govcloud.engine.EngineClock();
  }

  public static void main(String[] args) {
    SpringApplication.run(GovcloudApplication.class, args);
  }
}
