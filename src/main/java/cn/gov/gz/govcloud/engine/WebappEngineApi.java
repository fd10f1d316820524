package cn.gov.gz.govcloud.engine;

import java.util.Set;
import java.util.HashSet;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine API the webapps call ({@code /camunda/api/engine/*}: Tasklist, Cockpit, Admin) with the same error mapping
 * as {@code /engine-rest} ({@link EngineRestConfig}): what the user can act on is a Chinese 4xx (a task another person
 * completed first is 404, a claimed one 409), a server failure shows a reference number, never an exception class,
 * SQL or an expression. The Camunda starter registers this servlet only when none of the name {@value #SERVLET_NAME}
 * exists, so ours, registered first, takes its place with Camunda's resources plus our mappers, and shapes the start
 * forms Tasklist loads for the person who opens them ({@link StartFormOptions}).
 */
@Configuration
class WebappEngineApi {

  static final String SERVLET_NAME = "Engine Api";

  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApiServlet(CamundaBpmProperties properties) {
    ServletRegistrationBean<ServletContainer> reg = new ServletRegistrationBean<>(new ServletContainer(),
        properties.getWebapp().getApplicationPath() + "/api/engine/*");
    reg.setName(SERVLET_NAME);
    reg.addInitParameter("jakarta.ws.rs.Application", Application.class.getName());
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return reg;
  }

  /** Camunda's webapp engine API with our exception mappers. */
  public static class Application extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.add(EngineRestConfig.BadInputMapper.class);
      classes.add(EngineRestConfig.EngineFailureMapper.class);
      classes.add(EngineRestConfig.FailureMapper.class);
      classes.add(StartFormOptions.class);
      return classes;
    }
  }
}
