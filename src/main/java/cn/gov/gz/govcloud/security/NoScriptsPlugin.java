package cn.gov.gz.govcloud.security;

import cn.gov.gz.govcloud.engine.DeploymentRule;
import cn.gov.gz.govcloud.engine.ModelProblem;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Scripting in models is restricted to what the models need, which is none (issue 12 item 4, issue 17 item 7): a BPMN
 * model with a script task, a script listener, a script input/output mapping or a scripted condition, and a DMN model
 * whose expressions are in any language but FEEL or JUEL (JavaScript, Groovy, Python, ...), are refused at
 * deployment, whoever deploys them. Our models use expressions and Java delegates only; DMN uses FEEL. Deployment
 * itself is granted to administrators only.
 *
 * <p>A {@link DeploymentRule}: the engine room's deployment check reports its findings with every other problem of the
 * deployment, in Chinese and English. The BPMN parse listener stays as a second line: it refuses a scripted process
 * however it reaches the parser.
 */
@Component
class NoScriptsPlugin extends AbstractProcessEnginePlugin implements DeploymentRule {

  @Override
  public List<ModelProblem> check(String resourceName, byte[] content) {
    List<ModelProblem> problems = new ArrayList<>();
    if (resourceName.endsWith(".dmn") || resourceName.endsWith(".dmn11.xml")) {
      scriptedDecisions(resourceName, content, problems);
    } else if (resourceName.endsWith(".bpmn") || resourceName.endsWith(".bpmn20.xml")) {
      scriptedProcessElements(resourceName, content, problems);
    }
    return problems;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        refuseScripts(process, definition.getKey());
      }
    });
  }

  /** Languages a DMN expression may be written in: FEEL (any of its spellings) and JUEL. */
  static boolean allowedDecisionLanguage(String language) {
    String l = language.strip().toLowerCase(Locale.ROOT);
    return l.equals("juel") || l.equals("feel") || l.matches("https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel/\\d+/?");
  }

  private static void scriptedDecisions(String name, byte[] content, List<ModelProblem> problems) {
    Document doc = parse(content);
    if (doc == null) {
      return; // not readable XML: the deployment check reports it
    }
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
      for (String attribute : new String[] {"expressionLanguage", "typeLanguage"}) {
        String language = e.getAttribute(attribute);
        if (!language.isEmpty() && !allowedDecisionLanguage(language)) {
          problems.add(new ModelProblem(name, e.getLocalName() + (e.getAttribute("id").isEmpty() ? ""
              : " (" + e.getAttribute("id") + ")"),
              "决策使用了脚本语言 " + language + "：本系统的决策表只允许 FEEL 或 JUEL 表达式，请在 Modeler 中把表达式语言改为 FEEL。",
              "the decision uses the script language " + language + ": decision tables here allow FEEL or JUEL "
                  + "only; set the expression language to FEEL in Modeler."));
        }
      }
    }
  }

  private static void scriptedProcessElements(String name, byte[] content, List<ModelProblem> problems) {
    Document doc = parse(content);
    if (doc == null) {
      return;
    }
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
      boolean ofScriptTask = e.getParentNode() instanceof org.w3c.dom.Element p && "scriptTask".equals(p.getLocalName());
      if (isScript(e.getLocalName(), e.hasAttribute("language")) && !ofScriptTask) {
        org.w3c.dom.Element shown = e;
        while (shown.getAttribute("id").isEmpty() && shown.getParentNode() instanceof org.w3c.dom.Element parent) {
          shown = parent;
        }
        String id = shown.getAttribute("id");
        String label = shown.getAttribute("name").isBlank() ? id : "「" + shown.getAttribute("name").strip() + "」(" + id + ")";
        problems.add(new ModelProblem(name, id.isEmpty() ? null : label,
            "含有脚本（" + e.getLocalName() + "）：本系统不允许在模型中使用脚本，请改用表达式或元素模板中的 Java 委托。",
            "contains a script (" + e.getLocalName() + "): scripts are not allowed in models here; use an "
                + "expression or a Java delegate from the element templates."));
      }
    }
  }

  /** A script: a script task, a script (of a listener or an input/output mapping), a condition in a language. */
  static boolean isScript(String localName, boolean hasLanguage) {
    return "scriptTask".equals(localName) || "script".equals(localName)
        || ("conditionExpression".equals(localName) || "condition".equals(localName)) && hasLanguage;
  }

  private static Document parse(byte[] content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    } catch (Exception e) {
      return null;
    }
  }

  /** Throws when the element or anything inside it is a script. */
  static void refuseScripts(Element element, String processKey) {
    String tag = element.getTagName();
    if (isScript(tag, element.attribute("language") != null)) {
      throw new BadUserRequestException("流程 " + processKey + " 含有脚本（" + tag
          + "）：本系统不允许在模型中使用脚本，请改用表达式或 Java 委托");
    }
    for (Element child : element.elements()) {
      refuseScripts(child, processKey);
    }
  }
}
