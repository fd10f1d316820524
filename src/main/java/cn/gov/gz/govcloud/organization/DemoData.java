package cn.gov.gz.govcloud.organization;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.organization.BusinessSystem.Importance;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code govcloud.demo.enabled}, on for the embedded run, off in the postgres profile): a user for every
 * role, two using units with a user each, and four business systems, so a newcomer can log in as anyone. All demo
 * passwords are {@value #PASSWORD}. Only what is missing is created, so restarts and edits are safe.
 */
@Component
@ConditionalOnProperty(name = "govcloud.demo.enabled", havingValue = "true")
class DemoData {

  static final String PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final Caller SYSTEM = new Caller("system", List.of(Groups.ADMIN));

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<Unit> UNITS = List.of(
      new Unit("JTJ", "广州市交通运输局", "陈主任", "020-83330001", "jtj@demo.govcloud.local"),
      new Unit("WJW", "广州市卫生健康委员会", "李科长", "020-81080002", "wjw@demo.govcloud.local"));

  static final List<BusinessSystem> SYSTEMS = List.of(
      new BusinessSystem("JTJ-TOCC", "交通运行监测调度平台", "JTJ", Importance.CORE, 1),
      new BusinessSystem("JTJ-OA", "交通局协同办公系统", "JTJ", Importance.GENERAL, 3),
      new BusinessSystem("WJW-HIS", "全民健康信息平台", "WJW", Importance.IMPORTANT, 2),
      new BusinessSystem("WJW-WEB", "卫健委门户网站", "WJW", Importance.GENERAL, 4));

  static final List<DemoUser> USERS = List.of(
      new DemoUser("mgmt1", "管理方", "王处长", List.of(Groups.MANAGEMENT)),
      new DemoUser("desk1", "服务台", "张坐席", List.of(Groups.SERVICE_DESK)),
      new DemoUser("manager1", "运维经理", "刘经理", List.of(Groups.OPS_MANAGER)),
      new DemoUser("engineer1", "工程师", "赵工", List.of(Groups.OPS_ENGINEER)),
      new DemoUser("operator1", "操作员", "孙操作", List.of(Groups.OPS_OPERATOR)),
      new DemoUser("supervisor1", "监理", "周监理", List.of(Groups.SUPERVISOR)),
      new DemoUser("jtj1", "交通局", "陈用户", List.of(Groups.UNIT_USER, Groups.unitGroup("JTJ"))),
      new DemoUser("wjw1", "卫健委", "李用户", List.of(Groups.UNIT_USER, Groups.unitGroup("WJW"))));

  private final OrganizationService organization;
  private final OrganizationRepository repository;
  private final IdentityService identity;

  DemoData(OrganizationService organization, OrganizationRepository repository, IdentityService identity) {
    this.organization = organization;
    this.repository = repository;
    this.identity = identity;
  }

  @EventListener(ApplicationStartedEvent.class)
  void seed() {
    List<Unit> newUnits = UNITS.stream().filter(u -> !repository.unitExists(u.code())).toList();
    if (!newUnits.isEmpty()) {
      organization.registerUnits(newUnits, SYSTEM, true);
    }
    List<BusinessSystem> newSystems = SYSTEMS.stream().filter(s -> !repository.systemExists(s.code())).toList();
    if (!newSystems.isEmpty()) {
      organization.registerSystems(newSystems, SYSTEM, true);
    }
    for (DemoUser d : USERS) {
      if (identity.createUserQuery().userId(d.id()).count() > 0) {
        continue;
      }
      if (identity.getPasswordPolicy() != null && !identity.checkPasswordAgainstPolicy(PASSWORD).isValid()) {
        throw new IllegalStateException("Demo users have the password '" + PASSWORD + "', which the password policy "
            + "refuses: for a trial with demo data set PASSWORD_POLICY=false, or leave DEMO off");
      }
      User user = identity.newUser(d.id());
      user.setFirstName(d.firstName());
      user.setLastName(d.lastName());
      user.setEmail(d.id() + "@demo.govcloud.local");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      d.groups().forEach(g -> identity.createMembership(d.id(), g));
    }
    log.info("Demo mode: users {} (password '{}')", USERS.stream().map(DemoUser::id).toList(), PASSWORD);
  }
}
