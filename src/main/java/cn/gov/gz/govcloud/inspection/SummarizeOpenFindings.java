package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.inspection.InspectionFindings.Finding;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The planned completion time has passed with findings still open (P6 7.2.3.1.4): lists them for the manager, who
 * carries them over or extends the time.
 */
@Component("summarizeOpenFindings")
class SummarizeOpenFindings extends ProcessStep {

  private final InspectionService service;
  private final InspectionFindings findings;

  SummarizeOpenFindings(InspectionService service, InspectionFindings findings) {
    this.service = service;
    this.findings = findings;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = inspectionId(execution);
    List<String> lines = new ArrayList<>();
    List<Finding> open = findings.open(id);
    for (Finding f : open) {
      String[] said = f.description().split("\n");
      lines.add(f.findingNo() + " " + f.title() + "（" + said[said.length - 1] + "）");
    }
    Inspection inspection = service.get(id);
    execution.setVariable(OPEN_FINDINGS, (long) open.size());
    execution.setVariable(FINDINGS_SUMMARY, "计划完成时间 " + CityTime.minute(inspection.dueAt()) + "，尚有 "
        + open.size() + " 项问题未关闭：\n" + String.join("\n", lines));
  }
}
