package cn.gov.gz.govcloud.web;

/**
 * One page of a list answered by our REST API: {@code page} counts from 0, {@code size} is 1–{@value #MAX_SIZE}
 * (default {@value #DEFAULT_SIZE}). Anything else is refused with 400 naming the parameter, instead of being silently
 * ignored or clamped.
 */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;
  static final int MAX_PAGE = 100_000;

  public static Paging of(Integer page, Integer size) {
    if (page != null && (page < 0 || page > MAX_PAGE)) {
      throw ValidationException.of("page", "页码须为 0 到 " + MAX_PAGE + " 的整数（从 0 开始）");
    }
    if (size != null && (size < 1 || size > MAX_SIZE)) {
      throw ValidationException.of("size", "每页条数须为 1 到 " + MAX_SIZE + " 的整数");
    }
    return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
  }

  public long offset() {
    return (long) page * size;
  }
}
