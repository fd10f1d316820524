package cn.gov.gz.govcloud.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import cn.gov.gz.govcloud.web.Conflicts;
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
   * A 4xx for what the caller can act on, wherever it sits in the cause chain: bad input found by our delegates and
   * guards (400), a password the policy refuses (400; Camunda has no exception type of its own for it), a task that
   * does not exist any more (404: the ordinary race of two people completing one task), a task already claimed by
   * someone else and a write that lost a race with an identical one (409); null otherwise.
   */
  static Response badInput(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof org.camunda.bpm.engine.exception.NotFoundException missing) {
        return status(Response.Status.NOT_FOUND, "NotFoundException", chinese(missing.getMessage(),
            "要处理的对象不存在或已结束，请刷新后重试"));
      }
      if (t instanceof BadUserRequestException bad) {
        return hasHan(bad.getMessage())
            ? status(Response.Status.BAD_REQUEST, "InvalidRequestException", bad.getMessage())
            : inChinese(Response.status(Response.Status.BAD_REQUEST).entity(ExceptionDto.fromException(bad)).build());
      }
      if (t instanceof AuthorizationException denied) {
        return status(Response.Status.FORBIDDEN, "AuthorizationException", chinese(denied.getMessage(),
            "无权执行此操作" + missing(denied)));
      }
      if (t instanceof TaskAlreadyClaimedException claimed) {
        return status(Response.Status.CONFLICT, "TaskAlreadyClaimedException",
            "任务已由 " + claimed.getTaskAssignee() + " 认领，请刷新任务列表");
      }
      if (t instanceof ProcessEngineException && PASSWORD_POLICY_VIOLATION.equals(t.getMessage())) {
        return status(Response.Status.BAD_REQUEST, "InvalidRequestException",
            "password: 密码不符合密码策略：至少 10 个字符，须含大写字母、小写字母、数字和特殊字符，且不能包含用户名或姓名");
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (Conflicts.isRace(exception)) {
      return status(Response.Status.CONFLICT, "ConflictException", "相同的内容正由他人同时提交，请稍后重试");
    }
    return null;
  }

  private static String missing(AuthorizationException denied) {
    return denied.getMissingAuthorizations().stream().findFirst()
        .map(m -> "（需要对 " + m.getResourceType() + " " + (m.getResourceId() == null ? "" : m.getResourceId() + " ")
            + "的 " + m.getViolatedPermissionName() + " 权限）")
        .orElse("");
  }

  /** The engine's own not-found messages are English; ours (from the guards) are Chinese and kept. */
  private static String chinese(String message, String fallback) {
    return hasHan(message) ? message : fallback;
  }

  private static Response status(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }

  /** Camunda's answer for 4xx; for a server failure a reference number, with the details in the log. */
  static Response safe(Response camunda, Throwable exception) {
    if (camunda.getStatus() < 500) {
      return inChinese(camunda);
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    log.error("engine REST failure {}", reference, exception);
    return Response.status(camunda.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "ServerError", "message", "服务器内部错误，已记录（编号 " + reference + "），请联系管理员"))
        .build();
  }

  /**
   * Camunda's own 4xx answers are English sentences for developers ("No matching definition with id ..."): the
   * message becomes a Chinese sentence for the user, Camunda's text stays in {@code detail} for integrators.
   */
  static Response inChinese(Response camunda) {
    if (!(camunda.getEntity() instanceof ExceptionDto dto) || hasHan(dto.getMessage())) {
      return camunda;
    }
    String message = switch (camunda.getStatus()) {
      case 401 -> "请先登录";
      case 403 -> "无权执行此操作";
      case 404 -> "要处理的对象不存在或已结束，请刷新后重试";
      case 409 -> "操作与他人的修改冲突，请刷新后重试";
      default -> "请求无效，请检查填写的内容";
    };
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("type", dto.getType());
    body.put("message", message);
    if (dto.getMessage() != null) {
      body.put("detail", dto.getMessage());
    }
    return Response.status(camunda.getStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static boolean hasHan(String text) {
    return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.HAN);
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
      Response bad = badInput(exception);
      return bad != null ? bad : safe(ExceptionHandlerHelper.getInstance().getResponse(exception), exception);
    }
  }
}
