package cn.gov.gz.govcloud.governance;

import java.util.List;
import org.springframework.stereotype.Component;

/** What the schedule reads: {@code ${normPlan.due()}}, the codes of the norms to review now. */
@Component("normPlan")
public class NormPlan {

  private final NormService norms;
  private final GovernanceProperties properties;

  NormPlan(NormService norms, GovernanceProperties properties) {
    this.norms = norms;
    this.properties = properties;
  }

  public List<String> due() {
    return norms.dueForReview(properties.normReviewEvery());
  }
}
