package cn.gov.gz.govcloud.web;

import java.util.List;

/** Bad input, with every offending field named; answered with HTTP 400 and nothing is stored. */
public class ValidationException extends RuntimeException {

  private final List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(errors.isEmpty() ? "输入有误" : errors.get(0).field() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldError(null, field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One problem: {@code row} is the 0-based position in a bulk import, or null for a single record. */
  public record FieldError(Integer row, String field, String message) {}
}
