package cn.gov.gz.govcloud.research;

import java.util.LinkedHashMap;
import java.util.Map;

/** The codes of the demand research and their words, in the order forms and reports list them. */
final class ResearchLabels {

  static final String QUESTIONNAIRE = "QUESTIONNAIRE";
  static final String INTERVIEW = "INTERVIEW";
  static final Map<String, String> METHOD = linked(QUESTIONNAIRE, "问卷", INTERVIEW, "访谈");

  /** The state of a unit's answer. */
  static final String PENDING = "PENDING";
  static final String ANSWERED = "ANSWERED";
  static final String INTERVIEWED = "INTERVIEWED";
  static final String NO_REPLY = "NO_REPLY";
  static final Map<String, String> ANSWER_STATUS = linked(ANSWERED, "已填写问卷", INTERVIEWED, "已访谈",
      NO_REPLY, "未答复", PENDING, "待答复");

  /** The state of a research: units answer, the provider analyses, management reviews, accepted. */
  static final String OPEN = "OPEN";
  static final String ANALYSING = "ANALYSING";
  static final String REVIEWING = "REVIEWING";
  static final String ACCEPTED = "ACCEPTED";
  static final Map<String, String> STATUS = linked(OPEN, "收集中", ANALYSING, "分析中", REVIEWING, "待管理方审阅",
      ACCEPTED, "已通过");

  /** How well the resources the unit holds meet its business (资源使用情况, P6 7.5.1.1). */
  static final Map<String, String> ADEQUACY = linked("SUFFICIENT", "充足", "MOSTLY", "基本满足",
      "INSUFFICIENT", "不足");

  /** The type of a demand. */
  static final Map<String, String> DEMAND_TYPE = linked("NEW_RESOURCE", "新增资源", "SCALE_UP", "扩容",
      "SCALE_DOWN", "缩容", "NEW_SERVICE", "新服务", "PROCESS", "流程", "OTHER", "其他");

  /** The category of a recommendation (P6 7.5.1.3). */
  static final String RESOURCE = "RESOURCE";
  static final Map<String, String> CATEGORY = linked("TECHNICAL", "技术改进", "PROCESS", "流程优化",
      RESOURCE, "资源调整");

  static final String ACCEPT = "ACCEPT";
  static final String RETURN = "RETURN";

  private ResearchLabels() {}

  static String of(Map<String, String> labels, String code) {
    return code == null ? "—" : labels.getOrDefault(code, code);
  }

  private static Map<String, String> linked(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
