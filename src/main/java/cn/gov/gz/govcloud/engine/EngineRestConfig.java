package cn.gov.gz.govcloud.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API ({@code /engine-rest}) with one correction: when starting a process or completing a task fails
 * because of bad input (a {@link BadUserRequestException} from one of our listeners, for example an unknown
 * {@code unitCode}), the caller gets 400 with the message instead of Camunda's generic 500.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(BadInputMapper.class);
  }

  /** Maps a REST failure caused by bad input to 400; anything else as Camunda would. */
  @Provider
  @Priority(1)
  public static class BadInputMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof BadUserRequestException bad) {
          return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "InvalidRequestException", "message", String.valueOf(bad.getMessage())))
              .build();
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return camunda.toResponse(exception);
    }
  }
}
