package cn.gov.gz.govcloud.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean an expression can reach (the engine resolves Spring beans by name): if any query expression were evaluated,
 * {@code ${expressionProbe.touch()}} would count. The expression tests assert it never does.
 */
@Component("expressionProbe")
public class ExpressionProbe {

  private final AtomicInteger touched = new AtomicInteger();

  public String touch() {
    touched.incrementAndGet();
    return "probe";
  }

  public int touched() {
    return touched.get();
  }
}
