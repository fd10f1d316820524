package cn.gov.gz.govcloud.access;

import cn.gov.gz.govcloud.web.RefusedException;
import org.springframework.http.HttpStatus;

/** An id that names nothing; answered with HTTP 404. */
public class NotFoundException extends RefusedException {
  public NotFoundException(String message) {
    super(HttpStatus.NOT_FOUND, message);
  }
}
