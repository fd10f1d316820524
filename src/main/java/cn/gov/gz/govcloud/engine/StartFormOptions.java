package cn.gov.gz.govcloud.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start forms made for the person who opens them in Tasklist (issue 19): a field that a {@link FormOptions} source
 * fills becomes a searchable drop-down of names ("交通调度平台（广州市交通运输局）") instead of a box for a code, and
 * disappears when the caller has nothing to choose (a unit user never sees a unit-code field). The forms in
 * {@code forms/} stay as their owners made them; the form is shaped when Tasklist loads it from the webapps' engine API
 * ({@code .../deployed-start-form}), so integrators and Modeler see the plain form.
 */
@Provider
class StartFormOptions implements ContainerResponseFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Filled by {@link Sources} when the application starts: Jersey creates this filter, Spring the sources. */
  static volatile Sources sources;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
    Sources current = sources;
    if (current == null || response.getStatus() != 200 || !request.getUriInfo().getPath()
        .endsWith("/deployed-start-form") || !(response.getEntity() instanceof InputStream in)) {
      return;
    }
    byte[] form = in.readAllBytes();
    Authentication caller = current.identity.getCurrentAuthentication();
    byte[] shaped = caller == null ? form : shape(form, current.byField, caller);
    response.setEntity(new ByteArrayInputStream(shaped), response.getEntityAnnotations(),
        MediaType.APPLICATION_JSON_TYPE);
  }

  static byte[] shape(byte[] form, Map<String, FormOptions> byField, Authentication caller) throws IOException {
    JsonNode root = JSON.readTree(form);
    if (!(root.path("components") instanceof ArrayNode components)) {
      return form;
    }
    shape(components, byField, caller);
    return JSON.writeValueAsBytes(root);
  }

  private static void shape(ArrayNode components, Map<String, FormOptions> byField, Authentication caller) {
    for (Iterator<JsonNode> it = components.iterator(); it.hasNext(); ) {
      JsonNode c = it.next();
      FormOptions source = byField.get(c.path("key").asText(""));
      if (source != null && c instanceof ObjectNode field) {
        List<FormOptions.Option> options = source.options(caller);
        if (options.isEmpty()) {
          it.remove();
          continue;
        }
        field.put("type", "select");
        field.put("searchable", true);
        field.remove("valuesKey");
        ArrayNode values = field.putArray("values");
        options.forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
        if (options.size() == 1 && !field.has("defaultValue")) {
          field.put("defaultValue", options.get(0).value());
        }
      }
      if (c.path("components") instanceof ArrayNode nested) {
        shape(nested, byField, caller);
      }
    }
  }

  /** The option sources of the application, handed to the filter when the context starts. */
  @Component
  static class Sources {

    final IdentityService identity;
    final Map<String, FormOptions> byField;

    Sources(IdentityService identity, List<FormOptions> sources) {
      this.identity = identity;
      this.byField = sources.stream().collect(Collectors.toMap(FormOptions::field, Function.identity()));
      StartFormOptions.sources = this;
    }
  }
}
