package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.research.ResearchLabels.*;
import static cn.gov.gz.govcloud.research.ResearchService.MAX_DEMANDS;
import static cn.gov.gz.govcloud.research.ResearchService.MAX_RECOMMENDATIONS;

import cn.gov.gz.govcloud.research.ResearchService.AnalysisInput;
import cn.gov.gz.govcloud.research.ResearchService.AnswerInput;
import cn.gov.gz.govcloud.research.ResearchService.DemandInput;
import cn.gov.gz.govcloud.research.ResearchService.RecommendationInput;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The checks of what a unit answers and what the provider analyses: every bad field named, nothing stored. */
final class ResearchInputs {

  private ResearchInputs() {}

  /** Checks an answer (or an interview record when {@code interview}); the clean satisfaction score. */
  static int answer(AnswerInput in, boolean interview) {
    List<FieldError> errors = new ArrayList<>();
    String adequacy = in == null ? null : in.resourceAdequacy();
    if (adequacy == null || !ADEQUACY.containsKey(adequacy)) {
      errors.add(new FieldError(null, ResearchVariables.RESOURCE_ADEQUACY,
          "资源使用情况：请选择 " + String.join("、", ADEQUACY.values()) + "（" + String.join("/", ADEQUACY.keySet()) + "）"));
    }
    Object v = in == null ? null : in.satisfaction();
    Integer score = null;
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      score = n.intValue();
    } else if (v != null && v.toString().strip().matches("[0-9]+")) {
      score = Integer.valueOf(v.toString().strip());
    }
    if (score == null || score < 1 || score > 5) {
      errors.add(new FieldError(null, ResearchVariables.SATISFACTION, "满意度：请填写 1–5 分的整数"));
    }
    text(errors, ResearchVariables.PROBLEMS, "存在的问题", in == null ? null : in.problems(), 2000);
    text(errors, ResearchVariables.SUGGESTIONS, "意见与建议", in == null ? null : in.suggestions(), 2000);
    List<DemandInput> demands = in == null || in.demands() == null ? List.of() : in.demands();
    if (demands.size() > MAX_DEMANDS) {
      errors.add(new FieldError(null, ResearchVariables.DEMANDS, "需求最多填写 " + MAX_DEMANDS + " 条"));
    }
    for (int i = 0; i < demands.size(); i++) {
      DemandInput d = demands.get(i);
      if (d == null || d.type() == null || !DEMAND_TYPE.containsKey(d.type())) {
        errors.add(new FieldError(i, ResearchVariables.DEMANDS + ".type",
            "需求类型应为 " + String.join("、", DEMAND_TYPE.values())));
      }
      if (d == null || d.content() == null || d.content().isBlank()) {
        errors.add(new FieldError(i, ResearchVariables.DEMANDS + ".content", "请填写需求内容"));
      } else if (d.content().length() > 2000) {
        errors.add(new FieldError(i, ResearchVariables.DEMANDS + ".content", "需求内容不能超过 2000 字"));
      }
    }
    if (interview) {
      String who = in == null ? null : in.interviewee();
      if (who == null || who.isBlank()) {
        errors.add(new FieldError(null, ResearchVariables.INTERVIEWEE, "请填写受访人（姓名与职务）"));
      } else {
        text(errors, ResearchVariables.INTERVIEWEE, "受访人", who, 200);
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return score;
  }

  /**
   * Checks the provider's analysis (P6 7.5.1.2) and recommendations (7.5.1.3) against the units asked; the units of
   * each recommendation, in order (empty: every unit asked).
   */
  static List<List<String>> analysis(AnalysisInput in, List<String> asked) {
    List<FieldError> errors = new ArrayList<>();
    required(errors, ResearchVariables.MANAGEMENT_STATE, "管理状况", in.managementState(), 4000);
    required(errors, ResearchVariables.ANALYSIS_PROBLEMS, "存在问题", in.problems(), 4000);
    required(errors, ResearchVariables.DIRECTION, "发展方向", in.direction(), 4000);
    List<RecommendationInput> recs = in.recommendations() == null ? List.of() : in.recommendations();
    if (recs.isEmpty()) {
      errors.add(new FieldError(null, ResearchVariables.RECOMMENDATIONS, "请至少提出一条优化建议（P6 7.5.1.3）"));
    } else if (recs.size() > MAX_RECOMMENDATIONS) {
      errors.add(new FieldError(null, ResearchVariables.RECOMMENDATIONS, "优化建议最多 " + MAX_RECOMMENDATIONS + " 条"));
    }
    List<List<String>> unitLists = new ArrayList<>();
    for (int i = 0; i < recs.size(); i++) {
      RecommendationInput r = recs.get(i);
      if (r == null || r.category() == null || !CATEGORY.containsKey(r.category())) {
        errors.add(new FieldError(i, ResearchVariables.RECOMMENDATIONS + ".category",
            "建议类别应为 " + String.join("、", CATEGORY.values())));
      }
      if (r == null || r.content() == null || r.content().isBlank()) {
        errors.add(new FieldError(i, ResearchVariables.RECOMMENDATIONS + ".content", "请填写建议内容"));
      } else if (r.content().length() > 2000) {
        errors.add(new FieldError(i, ResearchVariables.RECOMMENDATIONS + ".content", "建议内容不能超过 2000 字"));
      }
      List<String> codes = codes(r == null ? null : r.unitCodes());
      List<String> strange = codes.stream().filter(c -> !asked.contains(c)).toList();
      if (!strange.isEmpty()) {
        errors.add(new FieldError(i, ResearchVariables.RECOMMENDATIONS + ".unitCodes",
            "不是本次调研的使用单位: " + String.join(", ", strange)));
      }
      unitLists.add(codes);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return unitLists;
  }

  /** Unit codes from a text: comma, semicolon or space separated (full-width too). */
  static List<String> codes(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,，;；、\\s]+")).map(String::strip)
        .filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static void text(List<FieldError> errors, String field, String label, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(null, field, label + "不能超过 " + max + " 字"));
    }
  }

  private static void required(List<FieldError> errors, String field, String label, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(null, field, "请填写" + label));
    } else {
      text(errors, field, label, value, max);
    }
  }
}
