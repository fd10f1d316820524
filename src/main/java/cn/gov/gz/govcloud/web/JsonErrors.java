package cn.gov.gz.govcloud.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Jackson's mapping failures in the words of our API: the field's path ({@code lines[0].vcpu}) and the problem. */
public final class JsonErrors {

  private JsonErrors() {}

  public static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  public static String problem(JsonMappingException e) {
    if (e instanceof InvalidFormatException f && PlainText.CONTROL_CHARACTERS.equals(f.getOriginalMessage())) {
      return PlainText.CONTROL_CHARACTERS;
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      Class<?> t = m.getTargetType();
      if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
        return "须为整数";
      }
      if (Number.class.isAssignableFrom(t) || t.isPrimitive() && t != boolean.class) {
        return "须为数字";
      }
      if (t == Boolean.class || t == boolean.class) {
        return "须为 true 或 false";
      }
      if (t == String.class) {
        return "须为文本";
      }
    }
    return "取值类型不符";
  }
}
