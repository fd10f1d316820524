package cn.gov.gz.govcloud.engine;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Small readers of process variables shared by every feature's delegates. */
public final class Variables {

  private Variables() {}

  /** The variable as trimmed text, or null when it is not set or blank (Camunda Forms submit empty strings). */
  public static String text(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }
}
