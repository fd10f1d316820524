package cn.gov.gz.govcloud.optimization;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One row of the review form (the candidates management decides on). */
@JsonIgnoreProperties(ignoreUnknown = true)
record CandidateRow(Long candidateId, String resourceId, String unit, String action, String evidence,
    String saving, String decision, String decisionReason) {}
