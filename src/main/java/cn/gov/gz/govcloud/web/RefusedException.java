package cn.gov.gz.govcloud.web;

import org.springframework.http.HttpStatus;

/**
 * A request refused for a reason the caller can act on (it names nothing, or the caller lacks the right); answered
 * with the status and the Chinese message, like every other error of the API. The rooms that refuse (access) extend
 * it, so the web room needs to know none of them.
 */
public abstract class RefusedException extends RuntimeException {
  private final HttpStatus status;

  protected RefusedException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
