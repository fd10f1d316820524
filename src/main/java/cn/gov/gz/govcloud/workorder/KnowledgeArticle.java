package cn.gov.gz.govcloud.workorder;

import java.time.Instant;

/** A knowledge base article of the service desk (P6 7.3.1.3). */
record KnowledgeArticle(long id, String title, String category, String keywords, String content, State state,
    int usageCount, String author, String approvedBy, Instant createdAt, Instant updatedAt) {

  /** DRAFT → SUBMITTED → PUBLISHED (approved by an ops manager) → RETIRED; a rejected article returns to DRAFT. */
  public enum State {
    DRAFT, SUBMITTED, PUBLISHED, RETIRED
  }
}
