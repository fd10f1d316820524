package cn.gov.gz.govcloud.evaluation;

import java.util.List;

/**
 * What a using unit scores, 1–5 each, and where the standard asks for it: the user's evaluation of the service in
 * P6 Appendix B.1 item 15 (服务态度、响应速度及问题解决效果) and B.2 item 6 (整体事件与问题解决满意度、服务态度、事后反馈), and the
 * unit's and the overall satisfaction of DB4401/T 294.3 7.3.2 c (使用单位满意度、整体满意度). The form field, the column
 * and the document's label come from here.
 */
public enum SurveyDimension {

  ATTITUDE("attitude", "attitude", "服务态度", "P6 附录 B.1 第 15 项、B.2 第 6 项"),
  RESPONSE_SPEED("responseSpeed", "response_speed", "响应速度", "P6 附录 B.1 第 15 项"),
  RESOLUTION("resolution", "resolution", "问题解决效果", "P6 附录 B.1 第 15 项、B.2 第 6 项"),
  FOLLOW_UP("followUp", "follow_up", "事后反馈", "P6 附录 B.2 第 6 项"),
  OVERALL("overall", "overall", "整体满意度", "DB4401/T 294.3 7.3.2 c");

  private final String field;
  private final String column;
  private final String label;
  private final String clause;

  SurveyDimension(String field, String column, String label, String clause) {
    this.field = field;
    this.column = column;
    this.label = label;
    this.clause = clause;
  }

  /** The form field and process variable, e.g. {@code responseSpeed}. */
  public String field() {
    return field;
  }

  String column() {
    return column;
  }

  public String label() {
    return label;
  }

  public String clause() {
    return clause;
  }

  static List<SurveyDimension> all() {
    return List.of(values());
  }
}
