package cn.gov.gz.govcloud.optimization;

import cn.gov.gz.govcloud.compliance.Implements;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The resource-adjustment recommendations of the service-demand researches (P6 7.5.1.3) that management accepted
 * since the previous review was registered, read from the research room's view {@code rv_research_recommendation}:
 * the review task and the statistics report list them, so management weighs them with the Appendix C candidates.
 */
@Implements(value = "P3 5.4.1.2", what = "服务需求调研的资源调整建议列入资源优化评审的审核任务和统计报告")
@Component
class ResearchRecommendations {

  /** The category of a resource adjustment in the research room's view. */
  static final String RESOURCE = "RESOURCE";

  private final JdbcClient jdbc;
  private final OptimizationRepository repository;

  ResearchRecommendations(JdbcClient jdbc, OptimizationRepository repository) {
    this.jdbc = jdbc;
    this.repository = repository;
  }

  /** One accepted recommendation: research number and topic, the units concerned (names), the text. */
  record Item(String researchNo, String topic, Instant acceptedAt, List<String> units, String content) {}

  /** Accepted after the previous review was registered and up to this one's registration, oldest first. */
  List<Item> forReview(Review review) {
    Timestamp until = Timestamp.from(review.createdAt());
    Timestamp since = jdbc.sql("SELECT MAX(created_at) FROM optimization_review WHERE id <> ? AND created_at <= ?")
        .params(review.id(), until).query(Timestamp.class).list().stream().filter(t -> t != null).findFirst()
        .orElse(null);
    StringBuilder sql = new StringBuilder("SELECT research_no, topic, accepted_at, unit_codes, content FROM "
        + "rv_research_recommendation WHERE category = ? AND accepted_at <= ?");
    List<Object> params = new ArrayList<>(List.of(RESOURCE, until));
    if (since != null) {
      sql.append(" AND accepted_at > ?");
      params.add(since);
    }
    Map<String, String> names = repository.unitNames();
    return jdbc.sql(sql + " ORDER BY accepted_at, research_no, seq").params(params)
        .query((rs, i) -> new Item(rs.getString("research_no"), rs.getString("topic"),
            rs.getTimestamp("accepted_at").toInstant(), units(rs.getString("unit_codes"), names),
            rs.getString("content")))
        .list();
  }

  /** The items as lines for the review task and the report; null when there is none. */
  static String text(List<Item> items) {
    if (items.isEmpty()) {
      return null;
    }
    Map<String, List<Item>> byResearch = new LinkedHashMap<>();
    items.forEach(i -> byResearch.computeIfAbsent(i.researchNo() + "（" + i.topic() + "）", k -> new ArrayList<>()).add(i));
    StringBuilder s = new StringBuilder("服务需求调研提出、经管理方审阅通过的资源调整建议 " + items.size() + " 条（P6 7.5.1.3），请结合本次统计一并审核：");
    byResearch.forEach((research, list) -> {
      s.append("\n调研 ").append(research).append("：");
      for (Item i : list) {
        s.append("\n- ").append(i.units().isEmpty() ? "各调研单位" : String.join("、", i.units())).append("：")
            .append(i.content());
      }
    });
    return s.toString();
  }

  private static List<String> units(String codes, Map<String, String> names) {
    return codes == null ? List.of() : Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty())
        .map(c -> names.getOrDefault(c, c)).collect(Collectors.toList());
  }
}
