package cn.gov.gz.govcloud.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.DomElement;

/** The rules every model in processes/ keeps; returns what a model breaks, as readable lines. */
final class ModelChecks {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");

  private ModelChecks() {}

  static List<String> check(String fileName, byte[] bpmn, Set<String> formIds, Predicate<String> beanExists) {
    List<String> problems = new ArrayList<>();
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    Bpmn.validateModel(model);
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    String baseName = fileName.replaceAll("\\.bpmn$", "");
    boolean keyMatchesFile = false;
    for (Process p : processes) {
      if (!p.isExecutable()) {
        continue;
      }
      keyMatchesFile |= p.getId().equals(baseName);
      if (p.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(fileName + ": process " + p.getId() + " has no historyTimeToLive");
      }
    }
    if (!keyMatchesFile) {
      problems.add(fileName + ": no executable process with the key '" + baseName + "'");
    }
    walk(model.getDocument().getRootElement(), fileName, formIds, beanExists, problems);
    return problems;
  }

  private static void walk(DomElement element, String file, Set<String> formIds, Predicate<String> beanExists,
      List<String> problems) {
    String id = element.getAttribute("id");
    String formRef = element.getAttribute(CAMUNDA_NS, "formRef");
    if (formRef != null && !formRef.contains("${") && !formIds.contains(formRef)) {
      problems.add(file + ": " + id + " references form '" + formRef + "' that is not in forms/");
    }
    if (formRef != null && element.getAttribute(CAMUNDA_NS, "formRefBinding") == null) {
      problems.add(file + ": " + id + " has formRef without formRefBinding");
    }
    String delegate = element.getAttribute(CAMUNDA_NS, "delegateExpression");
    if (delegate != null) {
      Matcher m = BEAN.matcher(delegate.trim());
      if (!m.matches()) {
        problems.add(file + ": " + id + " delegateExpression '" + delegate + "' is not ${beanName}");
      } else if (!beanExists.test(m.group(1))) {
        problems.add(file + ": " + id + " delegateExpression names no bean '" + m.group(1) + "'");
      }
    }
    if (element.getAttribute(CAMUNDA_NS, "class") != null) {
      problems.add(file + ": " + id + " uses camunda:class; use delegateExpression");
    }
    for (DomElement child : element.getChildElements()) {
      walk(child, file, formIds, beanExists, problems);
    }
  }

}
