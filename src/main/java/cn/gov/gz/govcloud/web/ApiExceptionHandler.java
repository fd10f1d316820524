package cn.gov.gz.govcloud.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * One error shape for all of our REST endpoints: {@code {"message": "...", "errors": [{row, field, message}]}}, in
 * Chinese. Ahead of Spring's problem-details handler, which would answer unreadable JSON in English.
 */
@RestControllerAdvice(basePackages = "cn.gov.gz.govcloud")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

  @ExceptionHandler(ValidationException.class)
  ResponseEntity<Map<String, Object>> validation(ValidationException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> beanValidation(MethodArgumentNotValidException e) {
    List<ValidationException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new ValidationException.FieldError(null, f.getField(), f.getDefaultMessage()))
        .toList();
    return body(HttpStatus.BAD_REQUEST, new ValidationException(errors).getMessage(), errors);
  }

  /**
   * Unreadable JSON: the field is named where Jackson knows it (a number where text was expected, a fraction where a
   * whole number is, a control character in text).
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = JsonErrors.path(mapping);
      String problem = JsonErrors.problem(mapping);
      return body(HttpStatus.BAD_REQUEST, field + ": " + problem,
          List.of(new ValidationException.FieldError(null, field, problem)));
    }
    return body(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON 或字段类型不符", List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    return body(HttpStatus.BAD_REQUEST, e.getName() + ": 取值无效",
        List.of(new ValidationException.FieldError(null, e.getName(), "取值无效")));
  }

  @ExceptionHandler(org.camunda.bpm.engine.BadUserRequestException.class)
  ResponseEntity<Map<String, Object>> badUserRequest(org.camunda.bpm.engine.BadUserRequestException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
  }

  @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
  ResponseEntity<Map<String, Object>> notAuthorized(org.camunda.bpm.engine.AuthorizationException e) {
    return body(HttpStatus.FORBIDDEN, "无权执行此操作", List.of());
  }

  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
    return body(HttpStatus.BAD_REQUEST, "file: 文件过大",
        List.of(new ValidationException.FieldError(null, "file", "文件过大")));
  }

  @ExceptionHandler(RefusedException.class)
  ResponseEntity<Map<String, Object>> refused(RefusedException e) {
    return body(e.status(), e.getMessage(), List.of());
  }

  private static ResponseEntity<Map<String, Object>> body(
      HttpStatus status, String message, List<ValidationException.FieldError> errors) {
    return ResponseEntity.status(status).body(Map.of("message", message, "errors", errors));
  }
}
