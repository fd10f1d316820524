package cn.gov.gz.govcloud.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The models packaged from {@code processes/} (BPMN, DMN) and {@code forms/} (Camunda Forms), read once.
 * A BPMN model knows which forms it references, so that it is deployed together with them.
 */
@Component
class ModelCatalog {

  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$#]+)\"");

  private final List<Model> bpmn;
  private final List<Model> dmn;
  private final Map<String, Model> formsById;

  @Autowired
  public ModelCatalog(ObjectMapper objectMapper) {
    this(objectMapper, load("classpath*:processes/**/*.bpmn"), load("classpath*:processes/**/*.dmn"),
        load("classpath*:forms/**/*.form"));
  }

  private ModelCatalog(ObjectMapper objectMapper, List<Model> bpmn, List<Model> dmn, List<Model> forms) {
    this.bpmn = sorted(bpmn);
    this.dmn = sorted(dmn);
    this.formsById = new LinkedHashMap<>();
    for (Model form : sorted(forms)) {
      String id = formId(objectMapper, form);
      Model previous = formsById.put(id, form);
      if (previous != null) {
        throw new IllegalStateException("form id '" + id + "' is used by both " + previous.name() + " and " + form.name());
      }
    }
  }

  /** A catalog of the given models instead of the packaged ones: what another release of the jar would hold. */
  static ModelCatalog of(ObjectMapper objectMapper, List<Model> bpmn, List<Model> dmn, List<Model> forms) {
    return new ModelCatalog(objectMapper, bpmn, dmn, forms);
  }

  public List<Model> bpmnModels() {
    return bpmn;
  }

  public List<Model> dmnModels() {
    return dmn;
  }

  public Map<String, Model> formsById() {
    return formsById;
  }

  /** Form ids a BPMN model references through {@code camunda:formRef}. */
  public Set<String> formRefs(Model bpmnModel) {
    Set<String> refs = new LinkedHashSet<>();
    Matcher m = FORM_REF.matcher(bpmnModel.text());
    while (m.find()) {
      refs.add(m.group(1));
    }
    return refs;
  }

  private static String formId(ObjectMapper objectMapper, Model form) {
    try {
      JsonNode id = objectMapper.readTree(form.bytes()).get("id");
      if (id == null || id.asText().isBlank()) {
        throw new IllegalStateException("form " + form.name() + " has no id");
      }
      return id.asText();
    } catch (IOException e) {
      throw new IllegalStateException("form " + form.name() + " is not valid JSON", e);
    }
  }

  private static List<Model> load(String pattern) {
    try {
      List<Model> models = new ArrayList<>();
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = r.getInputStream()) {
          models.add(new Model(r.getFilename(), in.readAllBytes()));
        }
      }
      return models;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Model> sorted(List<Model> models) {
    List<Model> copy = new ArrayList<>(models);
    copy.sort(Comparator.comparing(Model::name));
    return List.copyOf(copy);
  }

  /** One model file: its file name (the deployment resource name) and content. */
  public record Model(String name, byte[] bytes) {

    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /** File name without extension: for a BPMN file, the process key by our convention. */
    public String baseName() {
      int dot = name.lastIndexOf('.');
      return dot < 0 ? name : name.substring(0, dot);
    }
  }
}
