package cn.gov.gz.govcloud.research;

import java.util.List;
import org.springframework.stereotype.Component;

/** The units asked, for the model's multi-instance: {@code ${researchPlan.units(researchId)}}. */
@Component("researchPlan")
public class ResearchPlan {
  private final ResearchService research;

  ResearchPlan(ResearchService research) {
    this.research = research;
  }

  public List<String> units(Object researchId) {
    return research.units(((Number) researchId).longValue());
  }
}
