package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.workorder.KnowledgeService.Draft;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo mode: a few published knowledge base articles, so that consultations have something to answer from. */
@Component
@ConditionalOnProperty(name = "govcloud.demo.enabled", havingValue = "true")
class DemoKnowledge {

  private static final Caller SYSTEM = new Caller("admin", List.of(Groups.ADMIN));

  static final List<Draft> ARTICLES = List.of(
      new Draft("如何申请云服务器扩容", "资源申请", "扩容 云服务器 CPU 内存 申请",
          "使用单位在云服务门户提交资源变更申请，写明业务系统、现有配置和需要的配置，经管理方审核后由服务方实施。"),
      new Draft("政务外网 VPN 无法连接的排查步骤", "网络", "VPN 连接 政务外网 网络 登录",
          "1. 确认账号未过期；2. 检查本机时间是否准确；3. 更换网络后重试；4. 仍无法连接请提交故障工单并附上报错截图。"),
      new Draft("云主机密码重置方法", "云主机", "密码 重置 云主机 登录",
          "在云服务门户的“云主机”页面选择实例，点击“重置密码”，重启后生效。"));

  private final KnowledgeService knowledge;

  DemoKnowledge(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @EventListener(ApplicationStartedEvent.class)
  void seed() {
    if (!knowledge.search(null, null, null, SYSTEM, 1).isEmpty()) {
      return;
    }
    for (Draft d : ARTICLES) {
      KnowledgeArticle a = knowledge.create(d, SYSTEM);
      knowledge.submit(a.id(), SYSTEM);
      knowledge.approve(a.id(), SYSTEM);
    }
  }

}
