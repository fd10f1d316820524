package cn.gov.gz.govcloud.web;

/**
 * The request attribute in which an authentication filter other than HTTP Basic (the integrations' bearer tokens)
 * names who called, or who a refused credential claimed to be, for the audit log.
 */
public final class RequestUser {

  /** A {@code String}: the user id the request was authenticated as (or claimed, when refused). */
  public static final String ATTRIBUTE = "govcloud.requestUser";

  private RequestUser() {}
}
