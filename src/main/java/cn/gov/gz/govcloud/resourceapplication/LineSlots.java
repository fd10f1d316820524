package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.resourceapplication.ApplicationIntake.LineInput;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The resource lines as the Tasklist forms carry them: up to {@value #SLOTS} fixed groups of fields
 * ({@code line1Type}, {@code line1Vcpu}, …). (Tasklist 7.24's form-js keeps a form with a dynamic list invalid, so
 * the forms use fixed slots; portals send any number of lines as the JSON variable {@code lines}.)
 */
final class LineSlots {

  static final int SLOTS = 3;
  private static final String[] FIELDS = {"Type", "Vcpu", "MemoryGb", "DiskTb", "Os", "Brand", "Model", "Quantity",
      "DurationMonths"};

  private LineSlots() {}

  /** The lines filled in the form's slots (a slot counts when its type is chosen and it is shown). */
  static List<LineInput> read(VariableScope scope) {
    List<LineInput> lines = new ArrayList<>();
    for (int n = 1; n <= SLOTS; n++) {
      String p = "line" + n;
      boolean shown = n == 1 || Boolean.TRUE.equals(scope.getVariable("addLine" + n));
      Object type = scope.getVariable(p + "Type");
      if (!shown || type == null || type.toString().isBlank()) {
        continue;
      }
      lines.add(new LineInput(type.toString(), integer(scope, p + "Vcpu"), integer(scope, p + "MemoryGb"),
          decimal(scope, p + "DiskTb"), text(scope, p + "Os"), text(scope, p + "Brand"), text(scope, p + "Model"),
          integer(scope, p + "Quantity"), integer(scope, p + "DurationMonths")));
    }
    return lines;
  }

  /** Shows the application's lines in the slots, for the correction form; false when they do not fit. */
  static boolean write(VariableScope scope, List<Line> lines) {
    if (lines.size() > SLOTS) {
      return false;
    }
    for (int n = 1; n <= SLOTS; n++) {
      String p = "line" + n;
      Line l = n <= lines.size() ? lines.get(n - 1) : null;
      Object[] values = l == null ? new Object[FIELDS.length] : new Object[] {l.type(), l.vcpu(), l.memoryGb(),
          l.diskTb() == null ? null : l.diskTb().doubleValue(), l.os(), l.brand(), l.model(), l.quantity(),
          l.durationMonths()};
      for (int f = 0; f < FIELDS.length; f++) {
        scope.setVariable(p + FIELDS[f], values[f]);
      }
      if (n > 1) {
        scope.setVariable("addLine" + n, l != null);
      }
    }
    return true;
  }

  private static Integer integer(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Number number) {
      if (number.doubleValue() != Math.rint(number.doubleValue())) {
        throw new IllegalArgumentException(name + ": 须为整数");
      }
      return number.intValue();
    }
    try {
      return Integer.valueOf(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": 须为整数");
    }
  }

  private static BigDecimal decimal(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": 须为数字");
    }
  }
}
