package cn.gov.gz.govcloud.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine REST API ({@code /engine-rest}) with two corrections: when starting a process or completing a task fails
 * because of bad input (a {@link BadUserRequestException} from one of our listeners, for example an unknown
 * {@code unitCode}), the caller gets 400 with the message instead of Camunda's generic 500; and a server failure
 * (any 5xx) answers with a reference number instead of the exception's class and message, which may hold SQL or
 * internals — the details go to the log under that number.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  private static final Logger log = LoggerFactory.getLogger(EngineRestConfig.class);

  @Override
  protected void registerAdditionalResources() {
    register(BadInputMapper.class);
    register(EngineFailureMapper.class);
    register(FailureMapper.class);
  }

  /** What Camunda says (as a plain ProcessEngineException, 500) when a new password breaks the password policy. */
  static final String PASSWORD_POLICY_VIOLATION = "Password does not match policy";

  /**
   * 400 for bad input found by our delegates, wherever it sits in the cause chain, and for a password the policy
   * refuses (Camunda has no exception type of its own for it); null otherwise.
   */
  static Response badInput(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException bad) {
        return badRequest(String.valueOf(bad.getMessage()));
      }
      if (t instanceof ProcessEngineException && PASSWORD_POLICY_VIOLATION.equals(t.getMessage())) {
        return badRequest("password: 密码不符合密码策略：至少 10 个字符，须含大写字母、小写字母、数字和特殊字符，"
            + "且不能包含用户名或姓名");
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static Response badRequest(String message) {
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidRequestException", "message", message)).build();
  }

  /** Camunda's answer for 4xx; for a server failure a reference number, with the details in the log. */
  static Response safe(Response camunda, Throwable exception) {
    if (camunda.getStatus() < 500) {
      return camunda;
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    log.error("engine REST failure {}", reference, exception);
    return Response.status(camunda.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "ServerError", "message", "服务器内部错误，已记录（编号 " + reference + "），请联系管理员"))
        .build();
  }

  /** Maps a REST failure caused by bad input to 400; anything else as Camunda would, without internals. */
  @Provider
  @Priority(1)
  public static class BadInputMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response bad = badInput(exception);
      return bad != null ? bad : safe(camunda.toResponse(exception), exception);
    }
  }

  /** Engine exceptions: bad input 400, the rest as Camunda maps them (403, 404, 409 …), server failures without internals. */
  @Provider
  @Priority(1)
  public static class EngineFailureMapper implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response bad = badInput(exception);
      return bad != null ? bad : safe(ExceptionHandlerHelper.getInstance().getResponse(exception), exception);
    }
  }

  /** Anything else (database errors, bugs): as Camunda maps it, server failures without internals. */
  @Provider
  @Priority(1)
  public static class FailureMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
      if (exception instanceof jakarta.ws.rs.WebApplicationException web) {
        return web.getResponse(); // 404 for unknown paths, 405, 415 … as JAX-RS means them
      }
      return safe(ExceptionHandlerHelper.getInstance().getResponse(exception), exception);
    }
  }
}
