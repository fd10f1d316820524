package cn.gov.gz.govcloud.drill;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "应急演练", description = "应急演练记录（P6 7.4.2.2）。")
@RestController
@RequestMapping("/api/drills")
class DrillController {

  private final DrillService drills;
  private final CurrentUser currentUser;

  DrillController(DrillService drills, CurrentUser currentUser) {
    this.drills = drills;
    this.currentUser = currentUser;
  }

  @Operation(summary = "查询应急演练", description = "可按预案编号筛选；使用单位只能看到本单位业务系统的演练。")
  @GetMapping
  List<Drill> search(@RequestParam(required = false) String planNo, @RequestParam(defaultValue = "100") int limit) {
    return drills.search(currentUser.require(), planNo, limit);
  }

  @Operation(summary = "应急演练详情", description = "参演人员、培训确认、各环节实际用时与目标、反馈、改进及采纳情况。")
  @GetMapping("/{drillNo}")
  Drill.Detail detail(@PathVariable String drillNo) {
    return drills.detail(drillNo, currentUser.require());
  }
}
