package cn.gov.gz.govcloud.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.organization.OrganizationService;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Unit isolation (DOMAIN.md §1: a unit's users see only their own unit's work). Every process instance, of every
 * model, is stamped with the using unit it belongs to in the variable {@value #UNIT_CODE}:
 * <ul>
 *   <li>started by a unit user: that user's unit, whatever the request said (a unit cannot act for another);</li>
 *   <li>started by staff, an integration or another process: the {@code unitCode} given, which must name a known unit;
 *       without one, the unit owning the {@code businessSystemCode} given; or none, for work that belongs to no unit
 *       (such as an inspection).</li>
 * </ul>
 * A start that names a {@code businessSystemCode} must name a known system of that same unit, on every path that
 * starts a process (our REST, engine REST, Tasklist start forms, call activities): a unit cannot open a case on
 * another unit's system, and staff cannot file one unit's system under another unit.
 * The unit's group then gets READ on that one process instance. Unit users hold no other right on instances, so
 * Tasklist, Cockpit and REST show them their own unit's instances only; their tasks reach them through candidate
 * group {@code unit-<code>}, which Camunda authorizes per task.
 */
@Implements(value = "GB 8.4.2 i", what = "分级分域：使用单位只能看到本单位的案件、任务和文档")
@Implements(value = "GB 8.4.3 d 1", what = "分级分域权限管理")
@Implements(value = "P6 7.4.1.3 d", what = "访问控制：按单位隔离")
@Component
class UnitIsolationPlugin extends AbstractProcessEnginePlugin {

  public static final String UNIT_CODE = "unitCode";
  public static final String BUSINESS_SYSTEM_CODE = "businessSystemCode";

  private final OrganizationService organization;

  public UnitIsolationPlugin(@Lazy OrganizationService organization) {
    this.organization = organization;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
    }
    ExecutionListener stamp = this::stampUnit;
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        // built in, so that no caller can skip it (custom listeners can be skipped on a start at an activity)
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, stamp);
      }
    });
  }

  void stampUnit(DelegateExecution execution) {
    String requested = asText(execution.getVariable(UNIT_CODE));
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    List<String> callerUnits = auth == null || auth.getGroupIds() == null ? List.of()
        : auth.getGroupIds().stream().filter(Groups::isUnitGroup).map(Groups::unitCodeOf).toList();
    boolean staffCaller = auth != null && auth.getGroupIds() != null
        && auth.getGroupIds().stream().anyMatch(g -> Groups.STAFF.contains(g) || Groups.ADMIN.equals(g));

    String systemCode = asText(execution.getVariable(BUSINESS_SYSTEM_CODE));
    BusinessSystem system = null;
    if (systemCode != null) {
      system = organization.findSystem(systemCode).orElseThrow(() ->
          new BadUserRequestException(BUSINESS_SYSTEM_CODE + ": 业务系统不存在 (" + systemCode + ")"));
    }
    String unitCode;
    if (!callerUnits.isEmpty() && !staffCaller) {
      String preferred = requested != null ? requested
          : system != null && callerUnits.contains(system.unitCode()) ? system.unitCode() : callerUnits.get(0);
      if (!callerUnits.contains(preferred)) {
        throw new BadUserRequestException("unitCode: 不能以其他单位的名义发起流程 (" + requested + ")");
      }
      unitCode = preferred;
    } else {
      unitCode = requested;
      if (unitCode != null && !organization.unitExists(unitCode)) {
        throw new BadUserRequestException("unitCode: 使用单位不存在 (" + unitCode + ")");
      }
      if (unitCode == null && system != null) {
        // work about a business system (an inspection finding, a monitoring alert) belongs to the system's unit
        unitCode = system.unitCode();
      }
    }
    if (system != null && unitCode != null && !unitCode.equals(system.unitCode())) {
      throw new BadUserRequestException(BUSINESS_SYSTEM_CODE + ": 业务系统「" + system.name() + "」不属于"
          + (staffCaller || callerUnits.isEmpty() ? "使用单位 " + unitCode : "本单位") + "，不能为其发起流程");
    }
    if (unitCode != null) {
      grant(execution, unitCode);
    }
  }

  private static void grant(DelegateExecution execution, String unitCode) {
    execution.setVariable(UNIT_CODE, unitCode);
    String processInstanceId = execution.getProcessInstanceId();
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      a.setGroupId(Groups.unitGroup(unitCode));
      a.setResource(Resources.PROCESS_INSTANCE);
      a.setResourceId(processInstanceId);
      a.addPermission(Permissions.READ);
      authorizations.saveAuthorization(a);
      return null;
    });
  }

  private static String asText(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().trim();
    return s.isEmpty() ? null : s;
  }
}
