package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Variables.text;
import cn.gov.gz.govcloud.engine.ProcessStep;
import static cn.gov.gz.govcloud.workorder.WorkOrderVariables.*;

import cn.gov.gz.govcloud.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Consultation answered (P6 7.3.1.3): records the answer and the article used (its usage counted), tells the user. */
@Component("recordConsultationAnswer")
class RecordConsultationAnswer extends ProcessStep {

  private final WorkOrderService service;
  private final KnowledgeService knowledge;
  private final WorkOrderNotices notices;

  RecordConsultationAnswer(WorkOrderService service, KnowledgeService knowledge, WorkOrderNotices notices) {
    this.service = service;
    this.knowledge = knowledge;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = workOrderId(execution);
    String answer = text(execution, CONSULTATION_ANSWER);
    if (answer == null) {
      throw ValidationException.of(CONSULTATION_ANSWER, "请填写答复内容");
    }
    String article = text(execution, KNOWLEDGE_ARTICLE_ID);
    Long articleId = null;
    if (article != null) {
      try {
        articleId = Long.valueOf(article);
      } catch (NumberFormatException e) {
        throw ValidationException.of(KNOWLEDGE_ARTICLE_ID, "知识库文章编号无效");
      }
      knowledge.get(articleId);
      knowledge.used(articleId);
    }
    service.answeredFromKnowledge(id, articleId);
    service.note(id, "ANSWER", actor(execution), answer);
    notices.toUnit(service.get(id), "answer", "咨询答复", "服务台已答复您的咨询，请在任务中心确认是否解决：\n\n" + answer);
  }
}
