package cn.gov.gz.govcloud.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Scripting in models is restricted to what the models need, which is none (issue 12 item 4): a BPMN model with a
 * script task, a script listener, a script input/output mapping or a scripted condition is refused at deployment,
 * whoever deploys it. Our models use expressions and Java delegates only; DMN uses FEEL. Deployment itself is
 * granted to administrators only.
 */
@Component
public class NoScriptsPlugin extends AbstractProcessEnginePlugin {

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
