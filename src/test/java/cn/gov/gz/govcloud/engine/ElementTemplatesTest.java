package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.engine.ModelCatalog.Model;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;

/**
 * The element templates process owners pick in Camunda Modeler (.camunda/element-templates/, found by Modeler above
 * processes/) match the application and the models: every delegate bean has a template and every template names an
 * existing bean; every delegate, call and decision the models use has a template that sets what the model has; every
 * variable a template says it reads or writes is one the application knows. Camunda's JSON schema is checked in CI by
 * {@code npm run lint:templates}.
 */
class ElementTemplatesTest extends WebTest {

  static final Path TEMPLATES = Path.of(".camunda", "element-templates");
  static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  static final Set<String> BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
      "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:in:businessKey", "camunda:executionListener",
      "camunda:field", "camunda:errorEventDefinition");
  private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
  private static final Pattern IDENTIFIER = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

  @Autowired
  ApplicationContext context;

  @Autowired
  ModelCatalog catalog;

  @Autowired
  ObjectMapper json;

  List<JsonNode> templates;

  @BeforeEach
  void readTemplates() throws IOException {
    assertThat(TEMPLATES).as("run the tests from the project folder").isDirectory();
    templates = new ArrayList<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode content = json.readTree(file.toFile());
        (content.isArray() ? content : json.createArrayNode().add(content)).forEach(templates::add);
      }
    }
    assertThat(templates).isNotEmpty();
  }

  List<JsonNode> ofKind(String kind) {
    return templates.stream().filter(t -> kind.equals(t.path("metadata").path("kind").asText())).toList();
  }

  static String hidden(JsonNode template, String bindingName) {
    for (JsonNode p : template.get("properties")) {
      JsonNode b = p.get("binding");
      if ("property".equals(b.path("type").asText()) && bindingName.equals(b.path("name").asText())) {
        return p.path("value").asText(null);
      }
    }
    return null;
  }

  @Test
  void everyTemplateIsWellFormedAndSpeaksChinese() {
    Set<String> ids = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode t : templates) {
      String id = t.path("id").asText();
      if (!ids.add(id + "@" + t.path("version").asInt())) {
        problems.add(id + ": id and version used twice");
      }
      if (!SCHEMA.equals(t.path("$schema").asText())) {
        problems.add(id + ": $schema is not Camunda's schema of Camunda 7 templates");
      }
      if (!EngineRestConfig.hasHan(t.path("name").asText()) || !t.path("description").asText().contains("读取：")
          || !t.path("description").asText().contains("写入：")) {
        problems.add(id + ": a Chinese name and a description that says what it reads and writes");
      }
      if (!t.path("appliesTo").isArray() || t.path("appliesTo").isEmpty()) {
        problems.add(id + ": appliesTo");
      }
      if (!Set.of("delegate", "call", "decision").contains(t.path("metadata").path("kind").asText())
          || !t.path("metadata").path("reads").isArray() || !t.path("metadata").path("writes").isArray()) {
        problems.add(id + ": metadata kind, reads and writes");
      }
      for (JsonNode p : t.path("properties")) {
        if (!BINDINGS.contains(p.path("binding").path("type").asText())) {
          problems.add(id + ": binding type " + p.path("binding").path("type").asText());
        }
        if (!"Hidden".equals(p.path("type").asText()) && !EngineRestConfig.hasHan(p.path("label").asText())) {
          problems.add(id + ": a visible property needs a Chinese label");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDelegateBeanHasATemplateAndEveryTemplateNamesADelegateBean() {
    List<String> problems = new ArrayList<>();
    Set<String> templated = new TreeSet<>();
    for (JsonNode t : ofKind("delegate")) {
      String bean = t.path("metadata").path("bean").asText();
      templated.add(bean);
      if (!("${" + bean + "}").equals(hidden(t, "camunda:delegateExpression"))) {
        problems.add(t.path("id").asText() + ": sets no delegateExpression ${" + bean + "}");
      }
      if (!context.containsBean(bean) || !JavaDelegate.class.isAssignableFrom(context.getType(bean))) {
        problems.add(t.path("id").asText() + ": there is no delegate bean " + bean);
      }
      String process = t.path("metadata").path("process").asText(null);
      if (process != null && !packagedProcessKeys().contains(process)) {
        problems.add(t.path("id").asText() + ": process " + process + " is not in processes/");
      }
    }
    for (String bean : context.getBeanNamesForType(JavaDelegate.class)) {
      if (context.getType(bean).getName().startsWith("cn.gov.gz.govcloud.") && !templated.contains(bean)) {
        problems.add("delegate bean " + bean + " has no element template");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDelegateCallAndDecisionOfTheModelsHasATemplateThatSetsWhatTheModelHas() throws Exception {
    Map<String, JsonNode> byBean = new LinkedHashMap<>();
    ofKind("delegate").forEach(t -> byBean.put(t.path("metadata").path("bean").asText(), t));
    Map<String, JsonNode> byCalled = new LinkedHashMap<>();
    ofKind("call").forEach(t -> byCalled.put(hidden(t, "calledElement"), t));
    Map<String, JsonNode> byDecision = new LinkedHashMap<>();
    ofKind("decision").forEach(t -> byDecision.put(hidden(t, "camunda:decisionRef"), t));
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    templates.forEach(t -> byId.put(t.path("id").asText(), t));

    List<String> problems = new ArrayList<>();
    for (Model model : catalog.bpmnModels()) {
      Element root = Xml.parse(model.bytes()).getDocumentElement();
      for (Element e : all(root)) {
        String where = model.name() + " " + e.getAttribute("id");
        JsonNode template = null;
        String delegate = Xml.camunda(e, "delegateExpression");
        if (delegate != null) {
          Matcher m = BEAN.matcher(delegate);
          template = m.matches() ? byBean.get(m.group(1)) : null;
          if (template == null) {
            problems.add(where + ": no template for " + delegate);
            continue;
          }
          checkInputs(where, e, template, problems);
        } else if ("callActivity".equals(e.getLocalName())) {
          template = byCalled.get(Xml.attr(e, "calledElement"));
          if (template == null) {
            problems.add(where + ": no call template for " + Xml.attr(e, "calledElement"));
            continue;
          }
        } else if ("businessRuleTask".equals(e.getLocalName())) {
          template = byDecision.get(Xml.camunda(e, "decisionRef"));
          if (template == null) {
            problems.add(where + ": no decision template for " + Xml.camunda(e, "decisionRef"));
            continue;
          }
        }
        if (template == null) {
          continue;
        }
        String type = "bpmn:" + Character.toUpperCase(e.getLocalName().charAt(0)) + e.getLocalName().substring(1);
        if (!template.path("appliesTo").toString().contains("\"" + type + "\"")) {
          problems.add(where + ": template " + template.path("id").asText() + " does not apply to " + type);
        }
        String applied = Xml.camunda(e, "modelerTemplate");
        if (applied != null && byId.get(applied) != template) {
          problems.add(where + ": camunda:modelerTemplate " + applied + " is not " + template.path("id").asText());
        }
      }
    }
    for (JsonNode t : ofKind("call")) {
      if (!packagedProcessKeys().contains(hidden(t, "calledElement"))) {
        problems.add(t.path("id").asText() + ": calls " + hidden(t, "calledElement") + ", not in processes/");
      }
    }
    for (JsonNode t : ofKind("decision")) {
      if (!PackagedModels.of(catalog.bpmnModels(), catalog.dmnModels()).decisionKeys()
          .contains(hidden(t, "camunda:decisionRef"))) {
        problems.add(t.path("id").asText() + ": decision " + hidden(t, "camunda:decisionRef") + " is not in processes/");
      }
    }
    assertThat(problems).isEmpty();
  }

  /** An input parameter the model gives a delegate is one the template offers, with the model's value a choice. */
  private static void checkInputs(String where, Element task, JsonNode template, List<String> problems) {
    for (Element parameter : Xml.descendants(task, "inputParameter")) {
      String name = parameter.getAttribute("name");
      String value = Xml.text(parameter);
      JsonNode offered = null;
      for (JsonNode p : template.get("properties")) {
        if ("camunda:inputParameter".equals(p.path("binding").path("type").asText())
            && name.equals(p.path("binding").path("name").asText())) {
          offered = p;
        }
      }
      if (offered == null) {
        problems.add(where + ": template " + template.path("id").asText() + " offers no input parameter " + name);
      } else if (!offered.path("choices").toString().contains("\"value\":\"" + value + "\"")) {
        problems.add(where + ": template " + template.path("id").asText() + " offers no choice " + value + " for "
            + name);
      }
    }
  }

  @Test
  void everyVariableATemplateReadsOrWritesIsOneTheApplicationKnows() throws Exception {
    Set<String> known = knownVariables();
    List<String> problems = new ArrayList<>();
    for (JsonNode t : templates) {
      for (String list : List.of("reads", "writes")) {
        for (JsonNode v : t.path("metadata").path(list)) {
          if (!known.contains(v.asText())) {
            problems.add(t.path("id").asText() + " " + list + " " + v.asText() + ", a variable no code, form or model "
                + "names");
          }
          if (!t.path("description").asText().contains(" " + v.asText())) {
            problems.add(t.path("id").asText() + ": the description does not show " + v.asText());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  Set<String> packagedProcessKeys() {
    return PackagedModels.of(catalog.bpmnModels(), catalog.dmnModels()).processKeys();
  }

  /** Variable names the application declares (String constants), its forms ask for, or its models name. */
  Set<String> knownVariables() throws Exception {
    Set<String> known = new HashSet<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:cn/gov/gz/govcloud/**/*.class")) {
      String url = r.getURL().toString();
      if (url.contains("test-classes") || url.endsWith("package-info.class")) {
        continue;
      }
      String name = url.substring(url.indexOf("cn/gov/gz/govcloud/")).replace(".class", "").replace('/', '.');
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()) && f.getType() == String.class) {
          f.setAccessible(true);
          known.add((String) f.get(null));
        }
      }
    }
    for (Model form : catalog.formsById().values()) {
      collectKeys(json.readTree(form.bytes()), known);
    }
    for (Model model : catalog.bpmnModels()) {
      IDENTIFIER.matcher(model.text()).results().forEach(m -> known.add(m.group(1)));
      for (Element e : all(Xml.parse(model.bytes()).getDocumentElement())) {
        for (String attribute : List.of("source", "target")) {
          if (Xml.attr(e, attribute) != null) {
            known.add(Xml.attr(e, attribute));
          }
        }
      }
    }
    return known;
  }

  private static void collectKeys(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      for (String field : List.of("key", "valuesKey")) {
        if (node.path(field).isTextual()) {
          into.add(node.path(field).asText());
        }
      }
    }
    node.forEach(child -> collectKeys(child, into));
  }

  private static List<Element> all(Element root) {
    return Xml.descendants(root, "*");
  }
}
