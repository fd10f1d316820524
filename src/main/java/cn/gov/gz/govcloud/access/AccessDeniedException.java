package cn.gov.gz.govcloud.access;

import cn.gov.gz.govcloud.web.RefusedException;
import org.springframework.http.HttpStatus;

/** The caller lacks the right for what it asked; answered with HTTP 403. */
public class AccessDeniedException extends RefusedException {
  public AccessDeniedException(String message) {
    super(HttpStatus.FORBIDDEN, message);
  }
}
