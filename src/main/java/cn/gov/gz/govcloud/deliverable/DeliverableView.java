package cn.gov.gz.govcloud.deliverable;

import cn.gov.gz.govcloud.access.People;
import cn.gov.gz.govcloud.deliverable.DeliverableProperties.Item;
import cn.gov.gz.govcloud.engine.CaseView;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.Markdown;
import cn.gov.gz.govcloud.report.DocumentLinks;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** An uploaded deliverable as management and the provider see it in the approval's tasks. */
@Component
class DeliverableView implements CaseView {

  private final DeliverableService documents;
  private final DeliverableProperties properties;
  private final People people;

  DeliverableView(DeliverableService documents, DeliverableProperties properties, People people) {
    this.documents = documents;
    this.properties = properties;
    this.people = people;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return DeliverableVariables.APPROVAL_PROCESS.equals(processDefinitionKey);
  }

  @Override
  public View view(DelegateTask task) {
    if (!(task.getVariable(DeliverableVariables.DOCUMENT_ID) instanceof Number id)) {
      return null;
    }
    DeliverableDocument d = documents.find(id.longValue()).orElse(null);
    if (d == null) {
      return null;
    }
    Item item = properties.item(d.itemNo());
    String name = item == null ? "" : item.name();
    StringBuilder md = new StringBuilder();
    Markdown.field(md, "交付物", "附录 D 表 D.1 第 " + d.itemNo() + " 项 " + name
        + (item == null ? "" : "（" + item.category() + "，" + item.producer() + "，" + item.cadence().label() + "）"));
    Markdown.field(md, "文档标题", d.title());
    Markdown.field(md, "版本", "第 " + d.version() + " 版（" + d.statusLabel() + "）");
    if (d.period() != null) {
      Markdown.field(md, "所属期间", d.period());
    }
    Markdown.field(md, "上传人", people.name(d.uploadedBy()) + "，" + CityTime.minute(d.uploadedAt()) + "（北京时间）");
    Markdown.field(md, "文件", "[" + d.fileName() + "](" + DocumentLinks.path(d.reportId()) + ")（"
        + Math.max(1, d.sizeBytes() / 1024) + " KB）");
    if (d.note() != null) {
      Markdown.field(md, "说明", d.note());
    }
    if (d.decisionReason() != null) {
      Markdown.field(md, "管理方意见", d.decisionReason() + "（" + people.name(d.decidedBy()) + "，"
          + CityTime.minute(d.decidedAt()) + "）");
    }
    return new View("DL-" + d.id() + " 第 " + d.itemNo() + " 项 " + name + "：" + d.title() + " 第 " + d.version()
        + " 版", md.toString(), null);
  }
}
