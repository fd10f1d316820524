package cn.gov.gz.govcloud.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the security rules inside the engine, where every entry point passes — engine REST, the webapps' API, Tasklist
 * forms, our REST controllers — instead of in front of one of them: {@link QueryExpressionGuard} and
 * {@link ApiWriteGuard} run on every command, after the command context exists and before the command itself. Also
 * reads the intake variables each process and user task declares (extension property
 * {@value ApiWriteGuard#INTAKE_PROPERTY}).
 */
@Component
class EngineGuardsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> guards = List.of(new QueryExpressionGuard(), new ApiWriteGuard(new FormFields()));
    List<CommandInterceptor> txRequired = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    txRequired.addAll(guards);
    configuration.setCustomPostCommandInterceptorsTxRequired(txRequired);
    List<CommandInterceptor> requiresNew = configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequiresNew());
    requiresNew.addAll(List.of(new QueryExpressionGuard(), new ApiWriteGuard(new FormFields())));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(requiresNew);

    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        definition.setProperty(ApiWriteGuard.INTAKE_KEY, intake(process));
      }

      @Override
      public void parseUserTask(Element task, ScopeImpl scope, ActivityImpl activity) {
        activity.setProperty(ApiWriteGuard.INTAKE_KEY, intake(task));
      }
    });
  }

  private static Set<String> intake(Element element) {
    String declared = ModelProperties.read(element, ApiWriteGuard.INTAKE_PROPERTY);
    return declared == null ? Set.of() : Arrays.stream(declared.split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }
}
