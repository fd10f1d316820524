package cn.gov.gz.govcloud.access;

/** The caller lacks the right for what it asked; answered with HTTP 403. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
