package cn.gov.gz.govcloud.engine;

import cn.gov.gz.govcloud.web.JsonErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Reads a structured process variable into a typed value, whatever way it arrived: a Json variable (Camunda Forms
 * dynamic lists, REST with type Json), a JSON string, or plain lists and maps.
 */
@Component
public class JsonVariables {

  private final ObjectMapper json;

  public JsonVariables(ObjectMapper json) {
    this.json = json;
  }

  /** The variable as T, or null when it is not set; a malformed value throws IllegalArgumentException. */
  public <T> T read(VariableScope scope, String name, TypeReference<T> type) {
    Object raw = scope.getVariable(name);
    if (raw == null) {
      return null;
    }
    try {
      if (raw instanceof String s) {
        return s.isBlank() ? null : json.readValue(s, type);
      }
      if (raw.getClass().getName().startsWith("org.camunda.spin")) {
        return json.readValue(raw.toString(), type);
      }
      return json.convertValue(raw, type);
    } catch (JsonMappingException e) {
      String path = JsonErrors.path(e);
      throw new IllegalArgumentException(name + (path.isEmpty() || path.startsWith("[") ? "" : ".") + path + ": "
          + JsonErrors.problem(e), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(name + ": 不是有效的 JSON", e);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException mapping) {
        String path = JsonErrors.path(mapping);
        throw new IllegalArgumentException(name + (path.isEmpty() || path.startsWith("[") ? "" : ".") + path + ": "
            + JsonErrors.problem(mapping), e);
      }
      throw new IllegalArgumentException(name + ": 取值类型不符", e);
    }
  }

  public String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
