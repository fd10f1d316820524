package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.access.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/drills}: drills with their participants (who has confirmed training, who has not), stage times against
 * the plan's targets, and the improvements with the plan owner's decisions. Drills are run through the process
 * {@code emergency-drill}; this API only reads.
 */
@RestController
@RequestMapping("/api/drills")
class DrillController {

  private final DrillService drills;
  private final CurrentUser currentUser;

  DrillController(DrillService drills, CurrentUser currentUser) {
    this.drills = drills;
    this.currentUser = currentUser;
  }

  @GetMapping
  List<Drill> search(@RequestParam(required = false) String planNo, @RequestParam(defaultValue = "100") int limit) {
    return drills.search(currentUser.require(), planNo, limit);
  }

  @GetMapping("/{drillNo}")
  Drill.Detail detail(@PathVariable String drillNo) {
    return drills.detail(drillNo, currentUser.require());
  }
}
