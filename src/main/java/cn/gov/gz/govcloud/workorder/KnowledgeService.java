package cn.gov.gz.govcloud.workorder;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import cn.gov.gz.govcloud.workorder.KnowledgeArticle.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base: staff write articles, an ops manager approves them before they are published, the service desk
 * answers consultations from published articles (each use counted), and users read published articles.
 */
@Implements(value = "P6 7.3.1.3", what = "知识库：文章经审核发布，答复咨询时推荐并统计引用次数")
@Implements(value = "GB 8.4.2 e 4", what = "知识库管理：添加、分类、入库审批、引用统计")
@Service
class KnowledgeService {

  private static final String COLUMNS =
      "id, title, category, keywords, content, status, usage_count, author, approved_by, created_at, updated_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  KnowledgeService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What an author writes. */
  public record Draft(String title, String category, String keywords, String content) {}

  @Transactional
  public KnowledgeArticle create(Draft draft, Caller caller) {
    requireStaff(caller);
    validate(draft);
    Instant now = clock.instant();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO knowledge_article (title, category, keywords, content, status, author, created_at, "
            + "updated_at) VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?)")
        .params(draft.title().strip(), draft.category().strip(), draft.keywords(), draft.content().strip(),
            caller.userId(), Timestamp.from(now), Timestamp.from(now))
        .update(keys, "id");
    return get(keys.getKey().longValue());
  }

  @Transactional
  public KnowledgeArticle update(long id, Draft draft, Caller caller) {
    KnowledgeArticle a = get(id);
    requireStaff(caller);
    if (a.state() == State.PUBLISHED || a.state() == State.RETIRED) {
      throw ValidationException.of("status", "已发布或已下线的文章不能直接修改，请新建文章");
    }
    validate(draft);
    jdbc.sql("UPDATE knowledge_article SET title = ?, category = ?, keywords = ?, content = ?, status = 'DRAFT', "
            + "updated_at = ? WHERE id = ?")
        .params(draft.title().strip(), draft.category().strip(), draft.keywords(), draft.content().strip(),
            Timestamp.from(clock.instant()), id)
        .update();
    return get(id);
  }

  @Transactional
  public KnowledgeArticle submit(long id, Caller caller) {
    requireStaff(caller);
    return move(id, State.DRAFT, State.SUBMITTED, null);
  }

  @Transactional
  public KnowledgeArticle approve(long id, Caller caller) {
    requireApprover(caller);
    return move(id, State.SUBMITTED, State.PUBLISHED, caller.userId());
  }

  @Transactional
  public KnowledgeArticle reject(long id, Caller caller) {
    requireApprover(caller);
    return move(id, State.SUBMITTED, State.DRAFT, null);
  }

  @Transactional
  public KnowledgeArticle retire(long id, Caller caller) {
    requireApprover(caller);
    return move(id, State.PUBLISHED, State.RETIRED, null);
  }

  private KnowledgeArticle move(long id, State from, State to, String approvedBy) {
    KnowledgeArticle a = get(id);
    if (a.state() != from) {
      throw ValidationException.of("status", "当前状态为 " + a.state() + "，不能执行此操作");
    }
    jdbc.sql("UPDATE knowledge_article SET status = ?, approved_by = COALESCE(?, approved_by), updated_at = ? "
            + "WHERE id = ?")
        .params(to.name(), approvedBy, Timestamp.from(clock.instant()), id).update();
    return get(id);
  }

  /** Counts one use of a published article to answer a consultation. */
  @Transactional
  public void used(long id) {
    jdbc.sql("UPDATE knowledge_article SET usage_count = usage_count + 1 WHERE id = ? AND status = 'PUBLISHED'")
        .param(id).update();
  }

  public KnowledgeArticle get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_article WHERE id = ?").param(id)
        .query(KnowledgeService::map).optional()
        .orElseThrow(() -> new NotFoundException("知识库文章不存在: " + id));
  }

  /** An article the caller may read: users read published articles only. */
  public KnowledgeArticle get(long id, Caller caller) {
    KnowledgeArticle a = get(id);
    if (a.state() != State.PUBLISHED && !caller.seesAllUnits()) {
      throw new NotFoundException("知识库文章不存在: " + id);
    }
    return a;
  }

  /**
   * Searches by words in title, keywords and content (case-insensitive), optionally by category; users see published
   * articles only, staff may ask for any state. Most used first.
   */
  public List<KnowledgeArticle> search(String q, String category, State state, Caller caller, int limit) {
    State wanted = caller.seesAllUnits() ? state : State.PUBLISHED;
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM knowledge_article WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (wanted != null) {
      sql.append(" AND status = ?");
      params.add(wanted.name());
    }
    if (category != null && !category.isBlank()) {
      sql.append(" AND category = ?");
      params.add(category.strip());
    }
    if (q != null && !q.isBlank()) {
      for (String word : q.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
        sql.append(" AND (LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(keywords, '')) LIKE ? ESCAPE '\\' "
            + "OR LOWER(content) LIKE ? ESCAPE '\\')");
        String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        params.add(like);
        params.add(like);
        params.add(like);
      }
    }
    sql.append(" ORDER BY usage_count DESC, id DESC FETCH FIRST ").append(Math.min(Math.max(limit, 1), 200))
        .append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(KnowledgeService::map).list();
  }

  /**
   * Published articles that best match a free text (Chinese has no spaces, so matching counts shared character
   * pairs of the text with title and keywords), best first.
   */
  public List<KnowledgeArticle> suggest(String text, int limit) {
    Set<String> wanted = bigrams(text);
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<KnowledgeArticle> published = jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_article "
        + "WHERE status = 'PUBLISHED'").query(KnowledgeService::map).list();
    record Scored(KnowledgeArticle article, long score) {}
    return published.stream()
        .map(a -> new Scored(a, bigrams(a.title() + " " + (a.keywords() == null ? "" : a.keywords())).stream()
            .filter(wanted::contains).count()))
        .filter(s -> s.score() > 0)
        .sorted(Comparator.comparingLong(Scored::score).reversed()
            .thenComparing(s -> -s.article().usageCount()))
        .limit(limit)
        .map(Scored::article)
        .toList();
  }

  static Set<String> bigrams(String text) {
    Set<String> out = new HashSet<>();
    if (text == null) {
      return out;
    }
    String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}，。、；：？！（）《》“”]+", " ");
    for (String part : t.split(" ")) {
      for (int i = 0; i + 1 < part.length(); i++) {
        out.add(part.substring(i, i + 2));
      }
    }
    return out;
  }

  private static void validate(Draft d) {
    List<FieldError> errors = new ArrayList<>();
    if (d == null) {
      throw ValidationException.of("", "请求内容为空");
    }
    if (d.title() == null || d.title().isBlank()) {
      errors.add(new FieldError(null, "title", "不能为空"));
    } else if (d.title().length() > 200) {
      errors.add(new FieldError(null, "title", "最长 200 字"));
    }
    if (d.category() == null || d.category().isBlank()) {
      errors.add(new FieldError(null, "category", "不能为空"));
    } else if (d.category().length() > 50) {
      errors.add(new FieldError(null, "category", "最长 50 字"));
    }
    if (d.keywords() != null && d.keywords().length() > 500) {
      errors.add(new FieldError(null, "keywords", "最长 500 字"));
    }
    if (d.content() == null || d.content().isBlank()) {
      errors.add(new FieldError(null, "content", "不能为空"));
    } else if (d.content().length() > 8000) {
      errors.add(new FieldError(null, "content", "最长 8000 字"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void requireStaff(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.SERVICE_DESK, Groups.OPS_MANAGER, Groups.OPS_ENGINEER,
        Groups.OPS_OPERATOR)) {
      throw new AccessDeniedException("只有服务方人员可以编写知识库文章");
    }
  }

  private static void requireApprover(Caller caller) {
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有服务方管理人员可以审核知识库文章");
    }
  }

  private static KnowledgeArticle map(ResultSet rs, int row) throws SQLException {
    return new KnowledgeArticle(rs.getLong("id"), rs.getString("title"), rs.getString("category"),
        rs.getString("keywords"), rs.getString("content"), State.valueOf(rs.getString("status")),
        rs.getInt("usage_count"), rs.getString("author"), rs.getString("approved_by"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }
}
