package cn.gov.gz.govcloud.report;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a person opens an archived document with the browser session they use for Tasklist:
 * {@code /camunda/api/govcloud/documents/{id}/content}. A person who is not logged in is sent to the login and then
 * to the document ({@link DocumentController}). Mails carry the absolute address ({@code govcloud.base-url}), forms
 * the path.
 */
@Component
public class DocumentLinks {

  static final String API = "/camunda/api/govcloud";

  private final String base;

  DocumentLinks(@Value("${govcloud.base-url:http://localhost:8080}") String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** The path of a document's content, for links inside the webapps. */
  public static String path(long documentId) {
    return API + "/documents/" + documentId + "/content";
  }

  /** The absolute address of a document, for mails. */
  public String url(long documentId) {
    return base + path(documentId);
  }

  /** The line a notice about a document ends with. */
  public String line(ReportDocument d) {
    return "打开文档（第 " + d.version() + " 版，需登录）：" + url(d.id());
  }
}
