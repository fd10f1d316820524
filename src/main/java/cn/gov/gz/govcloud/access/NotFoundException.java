package cn.gov.gz.govcloud.access;

/** An id that names nothing; answered with HTTP 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
