package cn.gov.gz.govcloud.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
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
 */
@Component
public class NoScriptsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
    }
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(NoScriptsPlugin::refuseScriptedDecisions);
    configuration.setCustomPreDeployers(deployers);
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

  static void refuseScriptedDecisions(DeploymentEntity deployment) {
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (name == null || !(name.endsWith(".dmn") || name.endsWith(".dmn11.xml"))) {
        continue;
      }
      NodeList all = parse(resource).getElementsByTagNameNS("*", "*");
      for (int i = 0; i < all.getLength(); i++) {
        org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
        for (String attribute : new String[] {"expressionLanguage", "typeLanguage"}) {
          String language = e.getAttribute(attribute);
          if (!language.isEmpty() && !allowedDecisionLanguage(language)) {
            throw new BadUserRequestException("决策 " + name + " 使用了脚本语言 " + language + "（" + e.getLocalName()
                + "）：本系统的决策表只允许 FEEL 或 JUEL 表达式，请在 Modeler 中改为 FEEL");
          }
        }
      }
    }
  }

  private static Document parse(ResourceEntity resource) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(resource.getBytes()));
    } catch (Exception e) {
      throw new BadUserRequestException("决策 " + resource.getName() + " 不是有效的 DMN XML：" + e.getMessage());
    }
  }

  /** Throws when the element or anything inside it is a script. */
  static void refuseScripts(Element element, String processKey) {
    String tag = element.getTagName();
    boolean script = "scriptTask".equals(tag) || "script".equals(tag)
        || ("conditionExpression".equals(tag) || "condition".equals(tag)) && element.attribute("language") != null;
    if (script) {
      throw new BadUserRequestException("流程 " + processKey + " 含有脚本（" + tag
          + "）：本系统不允许在模型中使用脚本，请改用表达式或 Java 委托");
    }
    for (Element child : element.elements()) {
      refuseScripts(child, processKey);
    }
  }
}
